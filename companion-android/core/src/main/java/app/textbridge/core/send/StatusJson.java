package app.textbridge.core.send;

import app.textbridge.core.model.FailureReason;
import app.textbridge.core.model.SendRecord;
import app.textbridge.core.model.SendRecord.PartState;
import app.textbridge.core.model.SendState;
import app.textbridge.core.protocol.Capabilities;
import com.google.gson.JsonObject;
import java.util.Set;

/**
 * SendRecord → send.status body (PROTOCOL.md §9.9), as one desktop may see it: values added with a
 * capability go only to desktops that listed it. Without send.waiting, waiting_for_user reads as
 * accepted (the wait is not over, and the text has not failed); without send.mms, the three MMS
 * reasons read as generic_failure with the real one named in the detail.
 */
final class StatusJson {
  private StatusJson() {}

  static JsonObject of(SendRecord r, Set<String> capabilities) {
    JsonObject o = new JsonObject();
    o.addProperty("key", r.key);
    o.addProperty("state", visibleState(r.state, capabilities).wire);
    if (r.state == SendState.FAILED) {
      FailureReason reason = r.reason == null ? FailureReason.GENERIC_FAILURE : r.reason;
      String detail = r.detail;
      if (isMmsReason(reason) && !capabilities.contains(Capabilities.SEND_MMS)) {
        detail = reason.wire + (detail == null ? "" : ": " + detail);
        reason = FailureReason.GENERIC_FAILURE;
      }
      o.addProperty("reason", reason.wire);
      if (detail != null) o.addProperty("detail", truncate(detail));
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

  /** The state a desktop with these capabilities is told. */
  static SendState visibleState(SendState state, Set<String> capabilities) {
    if (state == SendState.WAITING_FOR_USER && !capabilities.contains(Capabilities.SEND_WAITING)) {
      return SendState.ACCEPTED;
    }
    return state;
  }

  private static boolean isMmsReason(FailureReason r) {
    return r == FailureReason.MMS_TOO_LARGE
        || r == FailureReason.MMS_UNSUPPORTED
        || r == FailureReason.ATTACHMENT_MISSING;
  }

  private static String truncate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200);
  }
}
