package app.textbridge.core.port;

import app.textbridge.core.model.FailureReason;

/**
 * Hands texts to the radio.
 *
 * <p>Android: {@code SmsManager.getSmsManagerForSubscriptionId(subId)}, {@code divideMessage},
 * {@code sendMultipartTextMessage} with one sent and one delivery PendingIntent per part. The
 * PendingIntents carry (key, recipient, part) as extras so that a broadcast receiver can report
 * results through {@link ReportSink} even after the process was restarted.
 */
public interface SmsSender {
  /**
   * Divides {@code text.body} and hands every part for one recipient to the radio. Returns the
   * number of parts handed over (at least 1). Returns only after the platform accepted the call;
   * results come later through the {@link ReportSink}.
   *
   * @throws SendRefusedException when nothing was handed over (no permission, no such SIM, ...)
   */
  int send(OutgoingText text) throws SendRefusedException;

  /** Registers where per-part results go (set once by the core at start-up). */
  void setReportSink(ReportSink sink);

  /** One recipient's copy of an outgoing text. */
  final class OutgoingText {
    public final String key;

    /** Index of this recipient in the request's {@code to}. */
    public final int recipientIndex;

    public final String address;
    public final String body;

    /** Subscription to send on, resolved by the core; -1 means the platform default. */
    public final int subId;

    public OutgoingText(String key, int recipientIndex, String address, String body, int subId) {
      this.key = key;
      this.recipientIndex = recipientIndex;
      this.address = address;
      this.body = body;
      this.subId = subId;
    }
  }

  /** Per-part results, as SmsManager reports them (sent, then delivered, or failed). */
  interface ReportSink {
    /** RESULT_OK on the part's sent PendingIntent. */
    void partSent(String key, int recipientIndex, int partIndex, int subId);

    /** The delivery report of the part arrived with a success status. */
    void partDelivered(String key, int recipientIndex, int partIndex, int subId);

    /**
     * The part failed (sent PendingIntent with an error code, or a failed delivery report). {@code
     * detail} is short, for logs, and never contains the body (e.g. "radio error 4").
     */
    void partFailed(
        String key,
        int recipientIndex,
        int partIndex,
        int subId,
        FailureReason reason,
        String detail);
  }

  /** Nothing could be handed to the radio. */
  final class SendRefusedException extends Exception {
    private static final long serialVersionUID = 1L;
    public final FailureReason reason;

    public SendRefusedException(FailureReason reason, String detail) {
      super(detail);
      this.reason = reason;
    }
  }
}
