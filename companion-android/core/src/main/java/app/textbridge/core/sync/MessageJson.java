package app.textbridge.core.sync;

import app.textbridge.core.model.PartInfo;
import app.textbridge.core.model.SmsRecord;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

/** SmsRecord → the wire's SmsMessage object (PROTOCOL.md §8). */
public final class MessageJson {
  private MessageJson() {}

  public static JsonObject toJson(SmsRecord r, String sendKey) {
    JsonObject o = new JsonObject();
    o.addProperty("id", r.id);
    o.addProperty("kind", r.kind.wire);
    o.addProperty("threadId", r.threadId);
    o.addProperty("box", r.box.wire);
    JsonArray addresses = new JsonArray();
    for (String a : r.addresses) addresses.add(a);
    o.add("addresses", addresses);
    o.addProperty("sender", r.sender);
    o.addProperty("date", r.date);
    o.addProperty("dateSent", r.dateSent);
    o.addProperty("body", r.body);
    o.addProperty("read", r.read);
    o.addProperty("status", r.status.wire);
    o.addProperty("subId", r.subId);
    JsonArray parts = new JsonArray();
    for (PartInfo p : r.parts) parts.add(part(p));
    o.add("parts", parts);
    o.addProperty("sendKey", sendKey);
    nullsExplicit(o);
    return o;
  }

  private static JsonObject part(PartInfo p) {
    JsonObject o = new JsonObject();
    o.addProperty("partId", p.partId);
    o.addProperty("mime", p.mime);
    o.addProperty("size", p.size);
    o.addProperty("name", p.name);
    nullsExplicit(o);
    return o;
  }

  /** Gson's addProperty(null) already stores JsonNull; this keeps every key present. */
  private static void nullsExplicit(JsonObject o) {
    for (String k : o.keySet()) if (o.get(k) == null) o.add(k, JsonNull.INSTANCE);
  }
}
