package app.textbridge.companion.send;

import android.app.PendingIntent;
import android.content.Context;
import android.content.Intent;
import android.net.Uri;
import android.telephony.SmsManager;
import app.textbridge.companion.send.RadioResults.Failure;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sent PendingIntent of one MMS, and reading it back in {@link MmsSentReceiver}: an explicit
 * broadcast to that receiver carrying the key and subscription.
 *
 * <p>As in {@link ReportIntents}: a data URI naming the key keeps PendingIntents of different MMS
 * apart (Android compares them without extras), and the intent is mutable on Android 12+ because
 * the MMS service fills in what we need: the MMSC's answer ({@link SmsManager#EXTRA_MMS_DATA}), the
 * HTTP status of a failure, and "uri", the provider row it wrote.
 */
final class MmsIntents {
  static final String ACTION_SENT = "app.textbridge.companion.action.MMS_SENT";

  /** The MMS service's fill-in naming the row it wrote, e.g. content://mms/sent/12. */
  static final String EXTRA_MESSAGE_URI = "uri";

  private static final AtomicInteger REQUEST_CODES =
      new AtomicInteger((int) (System.nanoTime() & 0x3fffffff));

  private MmsIntents() {}

  static PendingIntent sent(Context context, String key, int subId) {
    Intent intent =
        new Intent(ACTION_SENT)
            .setClass(context, MmsSentReceiver.class)
            .setData(Uri.parse("textbridge-send://mms/" + Uri.encode(key)))
            .putExtra(ReportIntents.EXTRA_KEY, key)
            .putExtra(ReportIntents.EXTRA_SUB, subId);
    return PendingIntent.getBroadcast(
        context,
        REQUEST_CODES.incrementAndGet(),
        intent,
        PendingIntent.FLAG_UPDATE_CURRENT | ReportIntents.mutable());
  }

  /** The result an intent carries, or null when it is not one of ours. */
  static MmsResult parse(Intent intent, int resultCode) {
    String key = intent.getStringExtra(ReportIntents.EXTRA_KEY);
    if (!ACTION_SENT.equals(intent.getAction()) || key == null) {
      return null;
    }
    int subId = intent.getIntExtra(ReportIntents.EXTRA_SUB, -1);
    String messageId = messageIdOf(intent.getStringExtra(EXTRA_MESSAGE_URI));
    Failure f =
        MmsResults.forResult(resultCode, intent.getIntExtra(SmsManager.EXTRA_MMS_HTTP_STATUS, 0));
    if (f == null) {
      f = MmsResults.forSendConf(intent.getByteArrayExtra(SmsManager.EXTRA_MMS_DATA));
    }
    return f == null
        ? MmsResult.sent(key, subId, messageId)
        : MmsResult.failed(key, subId, f.reason, f.detail, messageId);
  }

  /** "content://mms/12" or "content://mms/sent/12" → "mms:12"; anything else → null. */
  static String messageIdOf(String uri) {
    if (uri == null) {
      return null;
    }
    Uri u = Uri.parse(uri);
    List<String> path = u.getPathSegments();
    if (!"content".equals(u.getScheme()) || !"mms".equals(u.getAuthority()) || path.isEmpty()) {
      return null;
    }
    String id = path.get(path.size() - 1);
    return id.matches("[0-9]{1,18}") ? "mms:" + id : null;
  }
}
