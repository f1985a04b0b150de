package app.textbridge.companion.send;

import app.textbridge.core.model.FailureReason;
import app.textbridge.core.port.SmsSender;

/**
 * One part's result as the radio reported it, ready for the core's {@link SmsSender.ReportSink}.
 */
final class RadioReport {
  enum Outcome {
    SENT,
    DELIVERED,
    FAILED
  }

  final String key;
  final int recipient;
  final int part;
  final int subId;
  final Outcome outcome;

  /** Set for FAILED only. */
  final FailureReason reason;

  /** Short, for logs and send.status detail; never the body. */
  final String detail;

  RadioReport(
      String key,
      int recipient,
      int part,
      int subId,
      Outcome outcome,
      FailureReason reason,
      String detail) {
    this.key = key;
    this.recipient = recipient;
    this.part = part;
    this.subId = subId;
    this.outcome = outcome;
    this.reason = reason;
    this.detail = detail;
  }

  void deliverTo(SmsSender.ReportSink sink) {
    switch (outcome) {
      case SENT:
        sink.partSent(key, recipient, part, subId);
        break;
      case DELIVERED:
        sink.partDelivered(key, recipient, part, subId);
        break;
      case FAILED:
        sink.partFailed(key, recipient, part, subId, reason, detail);
        break;
      default:
        throw new IllegalStateException("outcome " + outcome);
    }
  }
}
