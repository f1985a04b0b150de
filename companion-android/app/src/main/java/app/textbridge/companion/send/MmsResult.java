package app.textbridge.companion.send;

import app.textbridge.core.model.FailureReason;
import app.textbridge.core.port.MmsSender;

/** One MMS's result as the MMS service reported it, ready for the core's result sink. */
final class MmsResult {
  final String key;
  final int subId;
  final boolean sent;

  /** Set when not sent. */
  final FailureReason reason;

  /** Short, for logs and send.status detail; never the message text. Null when sent. */
  final String detail;

  /** The provider row the MMS service wrote ({@code mms:<_id>}), or null. */
  final String messageId;

  private MmsResult(
      String key, int subId, boolean sent, FailureReason reason, String detail, String messageId) {
    this.key = key;
    this.subId = subId;
    this.sent = sent;
    this.reason = reason;
    this.detail = detail;
    this.messageId = messageId;
  }

  static MmsResult sent(String key, int subId, String messageId) {
    return new MmsResult(key, subId, true, null, null, messageId);
  }

  static MmsResult failed(
      String key, int subId, FailureReason reason, String detail, String messageId) {
    return new MmsResult(key, subId, false, reason, detail, messageId);
  }

  void deliverTo(MmsSender.ResultSink sink) {
    if (sent) {
      sink.mmsSent(key, subId, messageId);
    } else {
      sink.mmsFailed(key, subId, reason, detail, messageId);
    }
  }
}
