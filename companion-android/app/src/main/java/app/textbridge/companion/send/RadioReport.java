package app.textbridge.companion.send;

import app.textbridge.core.model.FailureReason;
import app.textbridge.core.port.SmsSender;

/** One part's result as the radio reported it, ready for the core's {@link SmsSender.ReportSink}. */
public final class RadioReport {
    public enum Outcome { SENT, DELIVERED, FAILED }

    public final String key;
    public final int recipient;
    public final int part;
    public final int subId;
    public final Outcome outcome;
    /** Set for FAILED only. */
    public final FailureReason reason;
    /** Short, for logs and send.status detail; never the body. */
    public final String detail;

    public RadioReport(String key, int recipient, int part, int subId, Outcome outcome, FailureReason reason,
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
