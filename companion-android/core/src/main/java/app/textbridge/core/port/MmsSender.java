package app.textbridge.core.port;

import app.textbridge.core.mms.MmsException;
import app.textbridge.core.mms.MmsPduEncoder;
import app.textbridge.core.mms.MmsSendRequest;
import app.textbridge.core.model.FailureReason;
import app.textbridge.core.port.SmsSender.SendRefusedException;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Hands picture messages and group texts (one m-send-req PDU each) to the platform's MMS service.
 *
 * <p>The core builds and encodes the PDU ({@link OutgoingMms#encode}), so the limit check is the
 * core's and a phone without Android (the JVM runner) sends the very same bytes. The adapter only
 * hands the bytes over and reports what became of them.
 *
 * <p>Android: the PDU is written to a file the app serves read-only through its own
 * ContentProvider, and {@code SmsManager.sendMultimediaMessage} is called on the chosen
 * subscription with one sent PendingIntent, carrying the key, to a manifest receiver (so the result
 * survives a process restart). The platform's MMS service writes the sent message into the provider
 * itself (as it does for SMS from a non-default app), where the watcher finds it.
 *
 * <p>MMS has no per-part or per-recipient delivery report on this path: the one result is whether
 * the carrier's MMSC took the message. Delivery, if it is ever reported, would come later as an
 * m-delivery-ind the system records in the provider; this port says nothing about it.
 */
public interface MmsSender {
  /**
   * The limit used when the carrier states none: 300 KiB, Android's own default for {@code
   * KEY_MMS_MAX_MESSAGE_SIZE_INT}, and what the desktop assumes for a SIM without {@code
   * mmsMaxBytes} (PROTOCOL.md §9.1).
   */
  long DEFAULT_MAX_MESSAGE_BYTES = 300 * 1024;

  /**
   * The largest PDU the carrier of {@code subId} accepts, in bytes; {@link
   * #DEFAULT_MAX_MESSAGE_BYTES} when it is not known. -1 means the platform default subscription.
   * Never throws; at most {@link Integer#MAX_VALUE}.
   */
  long maxMessageBytes(int subId);

  /**
   * How many recipients one MMS from {@code subId} may have; {@link
   * MmsSendRequest#DEFAULT_MAX_RECIPIENTS} when the carrier states no limit. Never throws.
   */
  int maxRecipients(int subId);

  /**
   * Hands the PDU to the platform. Returns only after the platform accepted the call; the result
   * comes later through the {@link ResultSink}, exactly once if it comes at all (a platform that
   * drops the request silently, e.g. when an app-op forbids sending, never reports: the core needs
   * its own deadline).
   *
   * @throws SendRefusedException when nothing was handed over (no permission, no such SIM, MMS
   *     switched off for the SIM, a PDU over the carrier's limit after all, the PDU could not be
   *     stored for the platform to read, ...)
   */
  void send(OutgoingMms mms) throws SendRefusedException;

  /** Registers where results go (set once by the core at start-up). */
  void setResultSink(ResultSink sink);

  /** One encoded MMS, addressed to every recipient of its request at once. */
  final class OutgoingMms {
    /** The send.request's idempotency key: {@code [A-Za-z0-9_-]{16,64}} (PROTOCOL.md §9.9). */
    public final String key;

    /** Subscription to send on, resolved by the core; -1 means the platform default. */
    public final int subId;

    /** What the PDU says (recipients, text, parts): for simulators and logs, never re-encoded. */
    public final MmsSendRequest request;

    private final byte[] pdu;

    private OutgoingMms(String key, int subId, MmsSendRequest request, byte[] pdu) {
      this.key = key;
      this.subId = subId;
      this.request = request;
      this.pdu = pdu;
    }

    /**
     * Encodes {@code request} as it will be sent; {@link MmsException.Problem#TOO_LARGE} when the
     * PDU would exceed {@code maxBytes} (normally {@link #maxMessageBytes} of {@code subId}).
     */
    public static OutgoingMms encode(String key, int subId, MmsSendRequest request, long maxBytes)
        throws MmsException {
      if (key == null || key.isEmpty()) throw new IllegalArgumentException("key");
      return new OutgoingMms(key, subId, request, MmsPduEncoder.encode(request, maxBytes));
    }

    public int pduLength() {
      return pdu.length;
    }

    /** A copy of the PDU bytes. */
    public byte[] pdu() {
      return pdu.clone();
    }

    /** Writes the PDU without copying it (it can be hundreds of kilobytes). */
    public void writePdu(OutputStream out) throws IOException {
      out.write(pdu);
    }
  }

  /** The one result of a hand-over. Duplicate or late results are harmless to the core. */
  interface ResultSink {
    /**
     * The carrier's MMSC accepted the message. {@code messageId} is the provider row the platform
     * wrote for it ({@code mms:<_id>}), or null when the platform did not say.
     */
    void mmsSent(String key, int subId, String messageId);

    /**
     * The platform or the MMSC refused it. {@code detail} is short, for logs and send.status (e.g.
     * "MMS error 4, HTTP 503"), never the message text. {@code messageId} as for {@link #mmsSent}:
     * Android records a failed MMS in the provider too.
     */
    void mmsFailed(String key, int subId, FailureReason reason, String detail, String messageId);
  }
}
