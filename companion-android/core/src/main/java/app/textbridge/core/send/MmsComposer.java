package app.textbridge.core.send;

import app.textbridge.core.crypto.Bytes;
import app.textbridge.core.crypto.Primitives;
import app.textbridge.core.mms.MmsException;
import app.textbridge.core.mms.MmsSendRequest;
import app.textbridge.core.model.FailureReason;
import app.textbridge.core.model.Upload;
import app.textbridge.core.port.MmsSender;
import app.textbridge.core.port.MmsSender.OutgoingMms;
import app.textbridge.core.service.UploadService;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a send.request that goes as MMS into the encoded message (PROTOCOL.md §9.9): every
 * attachment from the sender's own complete uploads, byte for byte, with the entry's type and name;
 * the recipients within the carrier's limit and the protocol's 20; the whole PDU within the SIM's
 * size limit. Refusals come back as the send.status reason the desktop acts on.
 */
final class MmsComposer {
  /** The most recipients a send.request may name with send.group. */
  static final int MAX_GROUP = 20;

  private final MmsSender mms;
  private final UploadService uploads;

  MmsComposer(MmsSender mms, UploadService uploads) {
    this.mms = mms;
    this.uploads = uploads;
  }

  /** Either the message to hand over, or why not. */
  static final class Outcome {
    final OutgoingMms mms;
    final FailureReason reason;
    final String detail;

    private Outcome(OutgoingMms mms, FailureReason reason, String detail) {
      this.mms = mms;
      this.reason = reason;
      this.detail = detail;
    }

    static Outcome refused(FailureReason reason, String detail) {
      return new Outcome(null, reason, detail);
    }
  }

  Outcome compose(String owner, SendRequest req, int subId, long now) throws IOException {
    long limit = mms.maxMessageBytes(subId);
    List<Upload> held = new ArrayList<>();
    long sum = 0;
    for (int i = 0; i < req.attachments.size(); i++) {
      SendRequest.Attachment a = req.attachments.get(i);
      Optional<Upload> u = uploads.complete(owner, a.uploadId, a.mime);
      if (!u.isPresent()) return missing(i);
      held.add(u.get());
      sum += u.get().total;
    }
    // Checked before reading anything: ten large uploads would not fit in memory well either.
    if (sum > limit) {
      return Outcome.refused(
          FailureReason.MMS_TOO_LARGE,
          "the attachments are " + sum + " bytes, the limit is " + limit);
    }
    MmsSendRequest.Builder b =
        MmsSendRequest.builder()
            .transactionId(transactionId(req.key))
            .recipients(req.to)
            .maxRecipients(Math.max(1, Math.min(mms.maxRecipients(subId), MAX_GROUP)))
            .text(req.text)
            // X-Mms-Delivery-Report: yes, so the carrier sends an m-delivery-ind per recipient,
            // which the store reports and turns the key delivered (SendQueue.onMmsDelivery).
            .deliveryReport(true)
            .date(now / 1000);
    for (int i = 0; i < held.size(); i++) {
      Optional<byte[]> bytes = uploads.bytes(held.get(i));
      if (!bytes.isPresent()) return missing(i);
      SendRequest.Attachment a = req.attachments.get(i);
      b.part(a.mime, a.name, bytes.get());
    }
    try {
      return new Outcome(OutgoingMms.encode(req.key, subId, b.build(), limit), null, null);
    } catch (MmsException e) {
      return Outcome.refused(reasonFor(e.problem()), e.getMessage());
    }
  }

  private static Outcome missing(int index) {
    return Outcome.refused(
        FailureReason.ATTACHMENT_MISSING,
        "attachment " + index + " is not a complete upload of that type from this computer");
  }

  private static FailureReason reasonFor(MmsException.Problem p) {
    switch (p) {
      case TOO_LARGE:
        return FailureReason.MMS_TOO_LARGE;
      case TOO_MANY_RECIPIENTS:
        return FailureReason.GROUP_UNSUPPORTED;
      case INVALID_RECIPIENT:
      case NO_RECIPIENTS:
        return FailureReason.INVALID_ADDRESS;
      default:
        return FailureReason.GENERIC_FAILURE;
    }
  }

  /**
   * X-Mms-Transaction-ID: derived from the key, so it is unique per send and the same on every
   * encoding of it, and short enough for the header (the key itself may be 64 characters).
   */
  static String transactionId(String key) {
    return "T" + Bytes.hex(Primitives.hash(Bytes.utf8(key))).substring(0, 31);
  }
}
