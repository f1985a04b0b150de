package app.textbridge.companion.send;

import android.app.Notification;
import android.app.NotificationChannel;
import android.app.NotificationManager;
import android.content.Context;
import android.os.Handler;
import android.os.Looper;
import app.textbridge.companion.R;
import app.textbridge.companion.contacts.ContactLookup;
import java.util.HashMap;
import java.util.Map;

/**
 * Tells the person at the phone when a text from the computer has not left after {@value #STALL_MS}
 * ms. The usual cause is Android's own prompt, shown on the phone, asking whether Textbridge may
 * send more texts (Android asks when an app sends many texts in a short time): until someone
 * answers it the radio reports nothing. When the core concludes that this prompt is up (it counts
 * its own texts against Android's quota and tells desktops waiting_for_user), the notice comes at
 * once and says to answer the prompt on the phone. Answering "no" comes back as limit_exceeded (see
 * {@link RadioResults}). The notice names the recipient by contact name (PhoneLookup) and is hidden
 * on the lock screen.
 */
public final class SendStallNotice {
  static final long STALL_MS = 30_000;
  static final String CHANNEL_ID = "sending";
  private static final int NOTIFICATION_ID = 3;
  private final Context context;
  private final ContactLookup contacts;
  private final Handler main = new Handler(Looper.getMainLooper());
  private final Map<String, Runnable> waiting = new HashMap<>();
  private final Map<String, String> addresses = new HashMap<>();

  public SendStallNotice(Context context, ContactLookup contacts) {
    this.context = context.getApplicationContext();
    this.contacts = contacts;
  }

  synchronized void handedOver(String key, String address) {
    Runnable check = () -> stalled(key, address);
    waiting.put(key, check);
    addresses.put(key, address);
    main.postDelayed(check, STALL_MS);
  }

  /** Any result for the key: it is moving (or has failed with a reason the desktop shows). */
  synchronized void reported(String key) {
    Runnable check = waiting.remove(key);
    addresses.remove(key);
    if (check != null) {
      main.removeCallbacks(check);
    }
    if (waiting.isEmpty()) {
      context.getSystemService(NotificationManager.class).cancel(NOTIFICATION_ID);
    }
  }

  /** The core reports the key waiting_for_user: Android's prompt is up now. */
  public synchronized void waitingForUser(String key) {
    String address = addresses.get(key);
    if (address == null) {
      return; // already moved on, or not a text this run handed over
    }
    main.removeCallbacks(waiting.get(key)); // this says more than the stall notice would
    show(address, R.string.send_waiting_title, R.string.send_waiting_text);
  }

  private synchronized void stalled(String key, String address) {
    if (!waiting.containsKey(key)) {
      return;
    }
    show(address, R.string.send_stalled_title, R.string.send_stalled_text);
  }

  private void show(String address, int title, int text) {
    NotificationManager nm = context.getSystemService(NotificationManager.class);
    nm.createNotificationChannel(
        new NotificationChannel(
            CHANNEL_ID,
            context.getString(R.string.channel_sending),
            NotificationManager.IMPORTANCE_DEFAULT));
    String name = contacts.name(address);
    Notification n =
        new Notification.Builder(context, CHANNEL_ID)
            .setSmallIcon(R.drawable.ic_stat_mirror)
            .setContentTitle(context.getString(title, name != null ? name : address))
            .setStyle(new Notification.BigTextStyle().bigText(context.getString(text)))
            .setContentText(context.getString(text))
            .setVisibility(Notification.VISIBILITY_PRIVATE)
            .setPublicVersion(
                new Notification.Builder(context, CHANNEL_ID)
                    .setSmallIcon(R.drawable.ic_stat_mirror)
                    .setContentTitle(context.getString(R.string.send_stalled_public))
                    .build())
            .setAutoCancel(true)
            .build();
    nm.notify(NOTIFICATION_ID, n);
  }
}
