package app.textbridge.companion.pairing;

import android.annotation.TargetApi;
import android.app.Notification;
import android.app.NotificationChannel;
import android.app.NotificationManager;
import android.app.PendingIntent;
import android.content.Context;
import android.content.Intent;
import android.net.Uri;
import android.os.Build;
import android.os.Handler;
import android.os.Looper;
import android.text.BidiFormatter;
import app.textbridge.companion.R;
import app.textbridge.companion.ui.MainActivity;
import app.textbridge.core.port.PairingPrompt;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The core's {@link PairingPrompt} (PROTOCOL.md §5.3 "Confirmation"), shown only after the pairing
 * handshake completed. Two ways to answer, the first answer wins (the core ignores later ones): a
 * dialog in the app when it is in front ({@link Host}), and always a high-priority notification
 * with Confirm and Reject, which keeps working when the app is in the background. The core
 * dismisses the prompt after 120 s or when the connection drops.
 *
 * <p>The desktop's name is untrusted text: shown as plain text, bidi controls removed and the rest
 * isolated, so "Office PC" cannot be made to read as something else. On Android 12+ the Confirm
 * action asks to unlock the phone first: a locked phone never pairs.
 */
public final class PairingPrompter implements PairingPrompt {
  static final String CHANNEL_ID = "pairing";
  static final String ACTION_CONFIRM = "app.textbridge.companion.action.PAIR_CONFIRM";
  static final String ACTION_REJECT = "app.textbridge.companion.action.PAIR_REJECT";
  static final int NOTIFICATION_ID = 2;
  private static volatile PairingPrompter current;

  /** The activity in front, which can show a dialog. */
  public interface Host {
    void showPairing(Request request);

    void hidePairing(String requestId);
  }

  private final Context context;
  private final Executor answers;
  private final Handler main = new Handler(Looper.getMainLooper());
  private final Map<String, Pending> pending = new LinkedHashMap<>();

  /**
   * Static: the activity may come to the front before the engine (and this prompter) starts. Main
   * thread only.
   */
  private static Host host;

  private static final class Pending {
    final Request request;
    final Decision decision;

    Pending(Request request, Decision decision) {
      this.request = request;
      this.decision = decision;
    }
  }

  /** {@code answers} runs the decision (it writes the key file): never the main thread. */
  public PairingPrompter(Context context, Executor answers) {
    this.context = context.getApplicationContext();
    this.answers = answers;
    current = this;
  }

  /** The prompter of the running engine, or null. */
  public static PairingPrompter current() {
    return current;
  }

  @Override
  public void show(Request request, Decision decision) {
    Request safe = new Request(request.requestId, request.sas, displayName(request.desktopName));
    synchronized (this) {
      pending.put(request.requestId, new Pending(safe, decision));
    }
    main.post(
        () -> {
          notifyRequest(safe);
          Host h = host;
          if (h != null) {
            h.showPairing(safe);
          }
        });
  }

  @Override
  public void dismiss(String requestId) {
    synchronized (this) {
      pending.remove(requestId);
    }
    main.post(() -> clear(requestId));
  }

  /** The user answered (dialog or notification action). Unknown or old ids are ignored. */
  public void answer(String requestId, boolean accept) {
    Pending p;
    synchronized (this) {
      p = pending.remove(requestId);
    }
    main.post(() -> clear(requestId));
    if (p != null) {
      answers.execute(accept ? p.decision::accept : p.decision::reject);
    }
  }

  /** The activity came to the front (null: it left). Pending requests are shown to it at once. */
  public static void setHost(Host h) {
    new Handler(Looper.getMainLooper())
        .post(
            () -> {
              host = h;
              PairingPrompter p = current;
              if (h == null || p == null) {
                return;
              }
              synchronized (p) {
                for (Pending pending : p.pending.values()) {
                  h.showPairing(pending.request);
                }
              }
            });
  }

  /** "123456" → "123 456", as the desktop shows it. */
  public static String formatSas(String sas) {
    return sas.length() == 6 ? sas.substring(0, 3) + " " + sas.substring(3) : sas;
  }

  static String displayName(String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean bidiControl =
          (c >= '\u202a' && c <= '\u202e')
              || (c >= '\u2066' && c <= '\u2069')
              || c == '\u200e'
              || c == '\u200f'
              || c == '\u061c';
      if (!bidiControl && !Character.isISOControl(c)) {
        out.append(c);
      }
    }
    String cleaned = out.toString().trim();
    return BidiFormatter.getInstance().unicodeWrap(cleaned.isEmpty() ? "?" : cleaned);
  }

  private void clear(String requestId) {
    context.getSystemService(NotificationManager.class).cancel(requestId, NOTIFICATION_ID);
    Host h = host;
    if (h != null) {
      h.hidePairing(requestId);
    }
  }

  private void notifyRequest(Request r) {
    NotificationManager nm = context.getSystemService(NotificationManager.class);
    NotificationChannel channel =
        new NotificationChannel(
            CHANNEL_ID,
            context.getString(R.string.channel_pairing),
            NotificationManager.IMPORTANCE_HIGH);
    channel.setLockscreenVisibility(Notification.VISIBILITY_PRIVATE);
    nm.createNotificationChannel(channel);
    PendingIntent open =
        PendingIntent.getActivity(
            context,
            0,
            new Intent(context, MainActivity.class)
                .addFlags(Intent.FLAG_ACTIVITY_SINGLE_TOP | Intent.FLAG_ACTIVITY_NEW_TASK),
            PendingIntent.FLAG_IMMUTABLE | PendingIntent.FLAG_UPDATE_CURRENT);
    Notification.Action confirm =
        action(r.requestId, ACTION_CONFIRM, R.string.pairing_confirm, true);
    Notification.Action reject = action(r.requestId, ACTION_REJECT, R.string.pairing_reject, false);
    String title = context.getString(R.string.pairing_title, r.desktopName);
    String text = context.getString(R.string.pairing_text, formatSas(r.sas));
    Notification n =
        new Notification.Builder(context, CHANNEL_ID)
            .setSmallIcon(R.drawable.ic_stat_mirror)
            .setContentTitle(title)
            .setContentText(text)
            .setStyle(new Notification.BigTextStyle().bigText(text))
            .setContentIntent(open)
            .addAction(confirm)
            .addAction(reject)
            .setTimeoutAfter(120_000)
            .setVisibility(Notification.VISIBILITY_PRIVATE)
            .setPublicVersion(
                new Notification.Builder(context, CHANNEL_ID)
                    .setSmallIcon(R.drawable.ic_stat_mirror)
                    .setContentTitle(context.getString(R.string.pairing_public))
                    .build())
            .setCategory(Notification.CATEGORY_STATUS)
            .build();
    nm.notify(r.requestId, NOTIFICATION_ID, n);
  }

  private Notification.Action action(
      String requestId, String action, int label, boolean needsUnlock) {
    Intent intent =
        new Intent(action)
            .setClass(context, PairingActionReceiver.class)
            .setData(Uri.parse("textbridge-pair://request/" + requestId));
    PendingIntent pi = PendingIntent.getBroadcast(context, 0, intent, PendingIntent.FLAG_IMMUTABLE);
    Notification.Action.Builder b =
        new Notification.Action.Builder(null, context.getString(label), pi);
    if (needsUnlock && Build.VERSION.SDK_INT >= Build.VERSION_CODES.S) {
      requireUnlock(b);
    }
    return b.build();
  }

  @TargetApi(Build.VERSION_CODES.S)
  private static void requireUnlock(Notification.Action.Builder b) {
    b.setAuthenticationRequired(true);
  }
}
