package app.textbridge.companion.send;

import android.Manifest;
import android.app.PendingIntent;
import android.content.Context;
import android.content.pm.PackageManager;
import android.net.Uri;
import app.textbridge.core.model.FailureReason;
import app.textbridge.core.port.EventLog;
import app.textbridge.core.port.MmsSender;
import app.textbridge.core.port.SmsSender.SendRefusedException;
import java.io.File;
import java.io.IOException;

/**
 * The core's {@link MmsSender} on SmsManager (PORTS.md MmsSender): the PDU the core encoded is
 * written to {@link PduOutbox}, served by {@link MmsPduProvider}, and handed to {@code
 * sendMultimediaMessage} on the subscription the core resolved, with one sent PendingIntent ({@link
 * MmsIntents}) whose result {@link MmsSentReceiver} relays.
 *
 * <p>SEND_SMS is all it needs: the platform's MMS broker checks that permission (and the SEND_SMS
 * app-op), not default-SMS-app status, and for a non-default app the MMS service records the
 * message in the provider itself, as SmsManager does for texts. No config overrides are passed: the
 * MMS service applies the carrier's own configuration.
 *
 * <p>As with texts, {@link #send} returns only after SmsManager accepted the call; an exception it
 * throws before anything was handed over becomes a refusal (and the file goes). Anything else is
 * left to the core, which marks the key {@code unknown}; the file then stays for the MMS service in
 * case it got the request, and the start-up sweep removes it later.
 */
public final class AndroidMmsSender implements MmsSender {
  /** The one platform call, a seam so that tests can make it throw as a phone's SmsManager does. */
  interface Platform {
    void sendMultimediaMessage(int subId, Uri pdu, PendingIntent sent) throws SendRefusedException;
  }

  private final Context context;
  private final EventLog log;
  private final Platform platform;
  private final PduOutbox outbox;
  private volatile ResultSink sink;

  public AndroidMmsSender(Context context, EventLog log) {
    this(context, log, null);
  }

  /** Also sweeps the files of hand-overs whose result never came (see {@link PduOutbox}). */
  AndroidMmsSender(Context context, EventLog log, Platform platform) {
    this.context = context.getApplicationContext();
    this.log = log;
    this.platform = platform != null ? platform : this::sendWithSmsManager;
    this.outbox = new PduOutbox(this.context);
    int swept = outbox.sweep(System.currentTimeMillis());
    if (swept > 0) {
      log.info("mms", swept + " abandoned MMS file(s) deleted");
    }
  }

  @Override
  public long maxMessageBytes(int subId) {
    return CarrierMmsLimits.read(context, subId).maxBytes;
  }

  @Override
  public int maxRecipients(int subId) {
    return CarrierMmsLimits.read(context, subId).maxRecipients;
  }

  @Override
  public void setResultSink(ResultSink sink) {
    this.sink = sink;
  }

  /** Where the engine sends MMS results (through {@link MmsResultRelay}); null before the core. */
  public ResultSink resultSink() {
    return sink;
  }

  @Override
  public void send(OutgoingMms mms) throws SendRefusedException {
    if (context.checkSelfPermission(Manifest.permission.SEND_SMS)
        != PackageManager.PERMISSION_GRANTED) {
      throw new SendRefusedException(FailureReason.NO_PERMISSION, "SEND_SMS is not allowed");
    }
    if (!PduOutbox.isKey(mms.key)) {
      throw new SendRefusedException(FailureReason.GENERIC_FAILURE, "unusable send key");
    }
    CarrierMmsLimits limits = CarrierMmsLimits.read(context, mms.subId);
    if (!limits.enabled) {
      throw new SendRefusedException(
          FailureReason.MMS_UNSUPPORTED, "the carrier's settings turn MMS off on this SIM");
    }
    if (mms.pduLength() > limits.maxBytes) {
      // The MMS service would read only the first maxBytes and fail with an I/O error.
      throw new SendRefusedException(
          FailureReason.MMS_TOO_LARGE,
          mms.pduLength() + " bytes, the carrier takes " + limits.maxBytes);
    }
    File file;
    try {
      file = outbox.write(mms);
    } catch (IOException e) {
      throw new SendRefusedException(
          FailureReason.GENERIC_FAILURE, "could not store the MMS for the system to read");
    }
    try {
      platform.sendMultimediaMessage(
          mms.subId,
          MmsPduProvider.uriFor(file.getName()),
          MmsIntents.sent(context, mms.key, mms.subId));
    } catch (SendRefusedException e) {
      outbox.delete(mms.key);
      throw e;
    } catch (SecurityException e) {
      outbox.delete(mms.key);
      throw new SendRefusedException(
          FailureReason.NO_PERMISSION, "SmsManager refused: no permission");
    } catch (IllegalArgumentException e) {
      outbox.delete(mms.key);
      throw new SendRefusedException(FailureReason.GENERIC_FAILURE, "SmsManager refused the MMS");
    } catch (UnsupportedOperationException e) {
      outbox.delete(mms.key); // "Sms is not supported": no telephony, or no usable default SIM
      throw new SendRefusedException(
          FailureReason.SIM_UNAVAILABLE, "this phone cannot send MMS now");
    }
    log.info(
        "mms",
        "handed an MMS of "
            + mms.pduLength()
            + " bytes for "
            + mms.request.recipients().size()
            + " recipient(s) to the MMS service on subscription "
            + mms.subId);
  }

  private void sendWithSmsManager(int subId, Uri pdu, PendingIntent sent)
      throws SendRefusedException {
    AndroidSmsSender.manager(context, subId).sendMultimediaMessage(context, pdu, null, null, sent);
  }
}
