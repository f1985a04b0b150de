package app.textbridge.core.send;

import app.textbridge.core.model.SendRecord;
import app.textbridge.core.model.SendRecord.PartState;
import app.textbridge.core.model.SendState;
import com.google.gson.JsonObject;

/** SendRecord → send.status body (PROTOCOL.md §9.9). */
final class StatusJson {
  private StatusJson() {}

  static JsonObject of(SendRecord r) {
    JsonObject o = new JsonObject();
    o.addProperty("key", r.key);
    o.addProperty("state", r.state.wire);
    if (r.state == SendState.FAILED) {
      o.addProperty("reason", r.reason.wire);
      if (r.detail != null) o.addProperty("detail", truncate(r.detail));
    }
    o.addProperty("messageId", r.messageIds.isEmpty() ? null : r.messageIds.get(0));
    if (r.totalParts() > 0) {
      JsonObject parts = new JsonObject();
      parts.addProperty("total", r.totalParts());
      parts.addProperty("sent", r.countAtLeast(PartState.SENT));
      parts.addProperty("delivered", r.countAtLeast(PartState.DELIVERED));
      o.add("parts", parts);
    }
    o.addProperty("at", r.updatedAt);
    return o;
  }

  private static String truncate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200);
  }
}
