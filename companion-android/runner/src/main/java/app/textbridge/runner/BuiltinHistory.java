package app.textbridge.runner;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The small history served when no file is given: a few conversations, contacts and an MMS with a
 * tiny image. Written as a history file and loaded through {@link HistoryLoader}, so it follows
 * FORMAT.md like any other.
 */
final class BuiltinHistory {
  /** A 1×1 PNG (70 bytes). */
  static final String DOT_PNG =
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

  private static final long BASE = 1_700_000_000_000L;

  private BuiltinHistory() {}

  static History load() throws IOException {
    byte[] json = document().toString().getBytes(StandardCharsets.UTF_8);
    return HistoryLoader.load(new ByteArrayInputStream(json));
  }

  static JsonObject document() {
    JsonObject doc = new JsonObject();
    doc.addProperty("format", "textbridge-history");
    doc.addProperty("version", 1);
    JsonObject device = new JsonObject();
    device.addProperty("name", "Demo Pixel");
    device.addProperty("model", "Pixel 8 (JVM runner)");
    doc.add("device", device);
    JsonArray sims = new JsonArray();
    sims.add(sim(1, 0, "Personal", true));
    sims.add(sim(2, 1, "Work", false));
    doc.add("sims", sims);
    JsonArray contacts = new JsonArray();
    contacts.add(contact("c:1", "Ada Lovelace", "+447700900123"));
    contacts.add(contact("c:2", "Charles Babbage", "+447700900456"));
    contacts.add(contact("c:3", "Grace Hopper", "+15551230001"));
    doc.add("contacts", contacts);
    JsonArray messages = new JsonArray();
    String[][] convs = {
      {"+447700900123", "See you at 6", "Running late, 10 min", "No rush", "At the café now"},
      {"+447700900456", "Did the engine arrive?", "Yes, unpacking it", "Great news"},
      {"+15551230001", "Found a bug in the relay", "Literally a moth?", "Literally a moth."},
      {"72345", "Your code is 123456"}
    };
    int n = 0;
    for (int t = 0; t < convs.length; t++) {
      String addr = convs[t][0];
      for (int i = 1; i < convs[t].length; i++) {
        n++;
        boolean incoming = i % 2 == 1;
        messages.add(
            sms(n, t + 1, addr, incoming, BASE + t * 3_600_000L + i * 60_000L, convs[t][i]));
      }
    }
    messages.add(mms(1, 1, "+447700900123", BASE + 20_000_000L));
    doc.add("messages", messages);
    return doc;
  }

  private static JsonObject sim(int subId, int slot, String label, boolean isDefault) {
    JsonObject s = new JsonObject();
    s.addProperty("subId", subId);
    s.addProperty("slot", slot);
    s.addProperty("label", label);
    s.addProperty("carrier", "Demo carrier");
    s.add("number", com.google.gson.JsonNull.INSTANCE);
    s.addProperty("isDefault", isDefault);
    return s;
  }

  private static JsonObject contact(String id, String name, String number) {
    JsonObject c = new JsonObject();
    c.addProperty("id", id);
    c.addProperty("name", name);
    JsonArray numbers = new JsonArray();
    JsonObject n = new JsonObject();
    n.addProperty("number", number);
    n.addProperty("type", "mobile");
    n.add("label", com.google.gson.JsonNull.INSTANCE);
    numbers.add(n);
    c.add("numbers", numbers);
    c.add("photo", com.google.gson.JsonNull.INSTANCE);
    return c;
  }

  static JsonObject sms(int n, long thread, String addr, boolean incoming, long date, String body) {
    JsonObject m = new JsonObject();
    m.addProperty("id", "sms:" + n);
    m.addProperty("kind", "sms");
    m.addProperty("threadId", thread);
    m.addProperty("box", incoming ? "inbox" : "sent");
    JsonArray a = new JsonArray();
    a.add(addr);
    m.add("addresses", a);
    if (incoming) m.addProperty("sender", addr);
    else m.add("sender", com.google.gson.JsonNull.INSTANCE);
    m.addProperty("date", date);
    if (incoming) m.addProperty("dateSent", date - 2000);
    else m.add("dateSent", com.google.gson.JsonNull.INSTANCE);
    m.addProperty("body", body);
    m.addProperty("read", true);
    m.addProperty("status", incoming ? "none" : "complete");
    m.addProperty("subId", 1);
    m.add("parts", new JsonArray());
    return m;
  }

  private static JsonObject mms(int n, long thread, String addr, long date) {
    JsonObject m = sms(0, thread, addr, true, date, "Look at this");
    m.addProperty("id", "mms:" + n);
    m.addProperty("kind", "mms");
    m.add("dateSent", com.google.gson.JsonNull.INSTANCE);
    m.addProperty("read", false);
    JsonArray parts = new JsonArray();
    JsonObject p = new JsonObject();
    p.addProperty("partId", "mms:" + n + ":1");
    p.addProperty("mime", "image/png");
    p.addProperty("size", java.util.Base64.getDecoder().decode(DOT_PNG).length);
    p.addProperty("name", "dot.png");
    p.addProperty("data", DOT_PNG);
    parts.add(p);
    m.add("parts", parts);
    return m;
  }
}
