package app.textbridge.runner;

import app.textbridge.core.model.Contact;
import app.textbridge.core.model.PartInfo;
import app.textbridge.core.model.SimCard;
import app.textbridge.core.model.SmsRecord;
import app.textbridge.core.protocol.message.Schema;
import app.textbridge.core.protocol.message.Shapes;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Loads a history file (shared/history/FORMAT.md) by streaming: the top-level object is walked with
 * Gson's JsonReader and each message is parsed and validated on its own, so a million messages
 * never sit in memory as text or as one tree.
 */
final class HistoryLoader {
  /** A file that breaks FORMAT.md's rules; names the rule, never message text. */
  static final class BadHistoryException extends IOException {
    private static final long serialVersionUID = 1L;

    BadHistoryException(String message) {
      super(message);
    }
  }

  private HistoryLoader() {}

  static History load(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return load(in);
    }
  }

  static History load(InputStream in) throws IOException {
    JsonReader reader =
        new JsonReader(
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16));
    reader.setStrictness(Strictness.STRICT);
    History h = new History();
    String format = null;
    long version = -1;
    Set<String> ids = new HashSet<>();
    reader.beginObject();
    while (reader.hasNext()) {
      String name = reader.nextName();
      switch (name) {
        case "format":
          format = reader.nextString();
          break;
        case "version":
          version = reader.nextLong();
          break;
        case "device":
          device(h, JsonParser.parseReader(reader));
          break;
        case "sims":
          sims(h, JsonParser.parseReader(reader));
          break;
        case "contacts":
          contacts(h, reader);
          break;
        case "messages":
          messages(h, reader, ids);
          break;
        default:
          reader.skipValue();
      }
    }
    reader.endObject();
    if (reader.peek() != JsonToken.END_DOCUMENT) throw bad("trailing data");
    if (!"textbridge-history".equals(format)) throw bad("format must be textbridge-history");
    if (version != 1) throw bad("version must be 1");
    return h;
  }

  private static void device(History h, JsonElement e) throws IOException {
    JsonObject d = object(e, "device");
    if (!d.has("name") || !Shapes.isDisplayName(d.get("name").getAsString()))
      throw bad("device.name");
    h.deviceName = d.get("name").getAsString();
    if (d.has("model") && !d.get("model").isJsonNull()) {
      String model = d.get("model").getAsString();
      if (model.length() > 64) throw bad("device.model");
      h.deviceModel = model;
    }
    if (d.has("region") && !d.get("region").isJsonNull()) {
      String region = d.get("region").getAsString();
      if (!region.matches("[A-Z]{2}")) throw bad("device.region");
      h.deviceRegion = region;
    }
  }

  private static void sims(History h, JsonElement e) throws IOException {
    if (!e.isJsonArray() || e.getAsJsonArray().size() > 8) throw bad("sims");
    for (JsonElement s : e.getAsJsonArray()) {
      JsonObject o = object(s, "sim");
      try {
        h.sims.add(
            new SimCard(
                o.get("subId").getAsInt(),
                o.get("slot").getAsInt(),
                o.get("label").getAsString(),
                optString(o, "carrier"),
                optString(o, "number"),
                o.get("isDefault").getAsBoolean()));
      } catch (RuntimeException ex) {
        throw bad("sim");
      }
    }
  }

  private static void contacts(History h, JsonReader reader) throws IOException {
    reader.beginArray();
    while (reader.hasNext()) {
      JsonObject o = object(JsonParser.parseReader(reader), "contact");
      try {
        List<Contact.Number> numbers = new ArrayList<>();
        for (JsonElement n : o.getAsJsonArray("numbers")) {
          JsonObject no = n.getAsJsonObject();
          numbers.add(
              new Contact.Number(
                  no.get("number").getAsString(),
                  no.get("type").getAsString(),
                  optString(no, "label")));
        }
        String photo = optString(o, "photo");
        h.contacts.add(
            new Contact(
                o.get("id").getAsString(),
                o.get("name").getAsString(),
                numbers,
                photo == null ? null : Base64.getDecoder().decode(photo)));
      } catch (RuntimeException ex) {
        throw bad("contact");
      }
    }
    reader.endArray();
  }

  private static void messages(History h, JsonReader reader, Set<String> ids) throws IOException {
    reader.beginArray();
    while (reader.hasNext()) {
      JsonObject o = object(JsonParser.parseReader(reader), "message");
      SmsRecord r = message(h, o);
      if (!ids.add(r.id)) throw bad("duplicate message id");
      h.store.load(r);
      h.messages++;
    }
    reader.endArray();
  }

  private static SmsRecord message(History h, JsonObject o) throws IOException {
    JsonArray partsIn =
        o.has("parts") && o.get("parts").isJsonArray()
            ? o.getAsJsonArray("parts")
            : new JsonArray();
    List<byte[]> data = new ArrayList<>();
    for (JsonElement p : partsIn) {
      JsonObject po = object(p, "part");
      String b64 = optString(po, "data");
      byte[] bytes = b64 == null ? null : decode(b64);
      if (bytes != null
          && (po.get("size") == null
              || po.get("size").isJsonNull()
              || po.get("size").getAsLong() != bytes.length)) {
        throw bad("part size differs from its data");
      }
      data.add(bytes);
    }
    JsonObject checked = o.deepCopy();
    checked.add("sendKey", JsonNull.INSTANCE);
    try {
      checked = Shapes.SMS_MESSAGE.check(checked).getAsJsonObject();
    } catch (Schema.Violation e) {
      throw bad("message " + e.getMessage());
    }
    if (checked.get("threadId").isJsonNull()) throw bad("threadId must not be null");
    List<PartInfo> parts = new ArrayList<>();
    JsonArray cp = checked.getAsJsonArray("parts");
    for (int i = 0; i < cp.size(); i++) {
      JsonObject p = cp.get(i).getAsJsonObject();
      PartInfo info =
          new PartInfo(
              p.get("partId").getAsString(),
              p.get("mime").getAsString(),
              p.get("size").isJsonNull() ? null : p.get("size").getAsLong(),
              optString(p, "name"));
      parts.add(info);
      h.store.loadPart(info.partId, info.mime, data.get(i));
    }
    List<String> addresses = new ArrayList<>();
    for (JsonElement a : checked.getAsJsonArray("addresses")) addresses.add(a.getAsString());
    return new SmsRecord(
        checked.get("id").getAsString(),
        SmsRecord.Kind.fromWire(checked.get("kind").getAsString()),
        checked.get("threadId").getAsLong(),
        SmsRecord.Box.fromWire(checked.get("box").getAsString()),
        addresses,
        optString(checked, "sender"),
        checked.get("date").getAsLong(),
        checked.get("dateSent").isJsonNull() ? null : checked.get("dateSent").getAsLong(),
        checked.get("body").getAsString(),
        checked.get("read").getAsBoolean(),
        SmsRecord.DeliveryStatus.fromWire(checked.get("status").getAsString()),
        checked.get("subId").isJsonNull() ? null : checked.get("subId").getAsInt(),
        parts);
  }

  private static byte[] decode(String b64) throws IOException {
    try {
      return Base64.getDecoder().decode(b64);
    } catch (IllegalArgumentException e) {
      throw bad("part data is not base64");
    }
  }

  private static JsonObject object(JsonElement e, String what) throws IOException {
    if (e == null || !e.isJsonObject()) throw bad(what + " must be an object");
    return e.getAsJsonObject();
  }

  private static String optString(JsonObject o, String key) {
    JsonElement v = o.get(key);
    return v == null || v.isJsonNull() ? null : v.getAsString();
  }

  private static BadHistoryException bad(String rule) {
    return new BadHistoryException("history file refused: " + rule);
  }
}
