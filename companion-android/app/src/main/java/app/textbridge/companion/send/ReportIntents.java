package app.textbridge.companion.send;

import android.annotation.TargetApi;
import android.app.PendingIntent;
import android.content.Context;
import android.content.Intent;
import android.net.Uri;
import android.os.Build;
import android.telephony.SmsMessage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sent and delivered PendingIntents of one part, and reading them back in {@link
 * SendResultReceiver}. Each is an explicit broadcast to that internal receiver carrying (key,
 * recipient, part, subscription) as extras.
 *
 * <p>Identity: Android matches PendingIntents by request code and Intent.filterEquals, which
 * ignores extras. Two parts sharing both would share one PendingIntent and report each other's
 * results (and a process restart resets any counter). So each carries a data URI naming its key,
 * recipient, part and kind, which is unique for as long as the key is; the request code is also
 * unique within a process.
 *
 * <p>Mutability: the radio reports through the fill-in Intent of PendingIntent.send: "errorCode" on
 * a failed part, "pdu" and "format" (the status report) on a delivery. Android ignores the fill-in
 * of a FLAG_IMMUTABLE PendingIntent (PendingIntent docs, FLAG_IMMUTABLE), which would turn every
 * delivery report into "delivered" and drop the error codes. These are therefore FLAG_MUTABLE on
 * Android 12+ (mutable is the default below 12). That is safe here: the intent is explicit (Android
 * 14 forbids mutable implicit ones), and only the telephony stack receives it.
 */
final class ReportIntents {
  static final String ACTION_SENT = "app.textbridge.companion.action.SMS_SENT";
  static final String ACTION_DELIVERED = "app.textbridge.companion.action.SMS_DELIVERED";
  static final String EXTRA_KEY = "app.textbridge.companion.extra.KEY";
  static final String EXTRA_RECIPIENT = "app.textbridge.companion.extra.RECIPIENT";
  static final String EXTRA_PART = "app.textbridge.companion.extra.PART";
  static final String EXTRA_SUB = "app.textbridge.companion.extra.SUB_ID";
  private static final AtomicInteger REQUEST_CODES =
      new AtomicInteger((int) (System.nanoTime() & 0x3fffffff));

  private ReportIntents() {}

  static PendingIntent sent(Context context, String key, int recipient, int part, int subId) {
    return create(context, ACTION_SENT, key, recipient, part, subId);
  }

  static PendingIntent delivered(Context context, String key, int recipient, int part, int subId) {
    return create(context, ACTION_DELIVERED, key, recipient, part, subId);
  }

  private static PendingIntent create(
      Context context, String action, String key, int recipient, int part, int subId) {
    String kind = ACTION_SENT.equals(action) ? "sent" : "delivered";
    Intent intent =
        new Intent(action)
            .setClass(context, SendResultReceiver.class)
            .setData(
                Uri.parse(
                    "textbridge-send://report/"
                        + kind
                        + "/"
                        + Uri.encode(key)
                        + "/"
                        + recipient
                        + "/"
                        + part))
            .putExtra(EXTRA_KEY, key)
            .putExtra(EXTRA_RECIPIENT, recipient)
            .putExtra(EXTRA_PART, part)
            .putExtra(EXTRA_SUB, subId);
    return PendingIntent.getBroadcast(
        context,
        REQUEST_CODES.incrementAndGet(),
        intent,
        PendingIntent.FLAG_UPDATE_CURRENT | mutable());
  }

  /** FLAG_MUTABLE on Android 12+, where it exists (mutable is the default below 12). */
  static int mutable() {
    return Build.VERSION.SDK_INT >= Build.VERSION_CODES.S ? mutableFlag() : 0;
  }

  @TargetApi(Build.VERSION_CODES.S)
  private static int mutableFlag() {
    return PendingIntent.FLAG_MUTABLE;
  }

  /** The report an intent carries, or null when it is not one of ours or not final yet. */
  static RadioReport parse(Intent intent, int resultCode) {
    String key = intent.getStringExtra(EXTRA_KEY);
    int recipient = intent.getIntExtra(EXTRA_RECIPIENT, -1);
    int part = intent.getIntExtra(EXTRA_PART, -1);
    int subId = intent.getIntExtra(EXTRA_SUB, -1);
    if (key == null || recipient < 0 || part < 0) {
      return null;
    }
    if (ACTION_SENT.equals(intent.getAction())) {
      RadioResults.Failure f =
          RadioResults.forSent(resultCode, intent.getIntExtra("errorCode", -1));
      return f == null
          ? new RadioReport(key, recipient, part, subId, RadioReport.Outcome.SENT, null, null)
          : new RadioReport(
              key, recipient, part, subId, RadioReport.Outcome.FAILED, f.reason, f.detail);
    }
    if (ACTION_DELIVERED.equals(intent.getAction())) {
      return delivery(intent, resultCode, key, recipient, part, subId);
    }
    return null;
  }

  private static RadioReport delivery(
      Intent intent, int resultCode, String key, int recipient, int part, int subId) {
    if (resultCode != android.app.Activity.RESULT_OK) {
      RadioResults.Failure f =
          RadioResults.forSent(resultCode, intent.getIntExtra("errorCode", -1));
      return new RadioReport(
          key, recipient, part, subId, RadioReport.Outcome.FAILED, f.reason, f.detail);
    }
    byte[] pdu = intent.getByteArrayExtra("pdu");
    String format = intent.getStringExtra("format");
    if (pdu == null) {
      // No status report attached (some OEM stacks): a report arrived, so count it as delivered.
      return new RadioReport(
          key, recipient, part, subId, RadioReport.Outcome.DELIVERED, null, null);
    }
    SmsMessage report;
    try {
      report = SmsMessage.createFromPdu(pdu, format == null ? "3gpp" : format);
    } catch (RuntimeException e) {
      report = null;
    }
    if (report == null) {
      return new RadioReport(
          key, recipient, part, subId, RadioReport.Outcome.DELIVERED, null, null);
    }
    int status = report.getStatus();
    RadioReport.Outcome outcome = RadioResults.forDelivery(status, "3gpp2".equals(format));
    if (outcome == null) {
      return null; // temporary: the network keeps trying and reports again
    }
    return outcome == RadioReport.Outcome.DELIVERED
        ? new RadioReport(key, recipient, part, subId, outcome, null, null)
        : new RadioReport(
            key,
            recipient,
            part,
            subId,
            outcome,
            app.textbridge.core.model.FailureReason.GENERIC_FAILURE,
            "delivery report status 0x" + Integer.toHexString(status));
  }
}
