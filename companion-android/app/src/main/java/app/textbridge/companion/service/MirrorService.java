package app.textbridge.companion.service;

import android.annotation.TargetApi;
import android.app.Notification;
import android.app.NotificationChannel;
import android.app.NotificationManager;
import android.app.PendingIntent;
import android.app.Service;
import android.content.Context;
import android.content.Intent;
import android.content.pm.ServiceInfo;
import android.os.Build;
import android.os.IBinder;
import android.util.Log;
import app.textbridge.companion.R;
import app.textbridge.companion.ui.MainActivity;

/**
 * The foreground service that keeps the phone reachable by its paired computers. Type
 * connectedDevice (Android 14 requires a type; CHANGE_WIFI_MULTICAST_STATE is the prerequisite we
 * hold for it), a silent low-importance notification, START_STICKY so Android restarts it after
 * reclaiming memory, and {@link BootReceiver} brings it back after a reboot or an update.
 */
public final class MirrorService extends Service {
  public static final String ACTION_START = "app.textbridge.companion.action.START";

  /** Sent by {@link SmsReceiver}: a text just arrived, sync without waiting. */
  static final String ACTION_SMS_HINT = "app.textbridge.companion.action.SMS_HINT";

  static final String CHANNEL_ID = "mirroring";
  static final int NOTIFICATION_ID = 1;
  private static final String TAG = "TextbridgeService";

  private static volatile boolean running;
  private static volatile String connectedComputer;

  private boolean engineStarted;

  /**
   * Asks Android to start (or poke) the service. Returns false when Android refuses a foreground
   * start from the background (Android 12+): the caller logs that, and the service comes back the
   * next time the user opens the app.
   */
  public static boolean start(Context context, String action) {
    Intent intent = new Intent(context, MirrorService.class).setAction(action);
    try {
      context.startForegroundService(intent);
      return true;
    } catch (IllegalStateException e) {
      // ForegroundServiceStartNotAllowedException (API 31) is an IllegalStateException.
      Log.w(TAG, "Android refused to start mirroring now (" + action + ")", e);
      return false;
    }
  }

  public static void stop(Context context) {
    context.stopService(new Intent(context, MirrorService.class));
  }

  public static boolean isRunning() {
    return running;
  }

  /** The computer currently connected, or null; shown in the notification and the status area. */
  public static String connectedComputer() {
    return connectedComputer;
  }

  /** Called by the engine when a computer connects (a name) or the last one leaves (null). */
  public static void setConnectedComputer(Context context, String displayName) {
    connectedComputer = displayName;
    if (running) {
      // Same id as the foreground notification: this replaces its text in place.
      context
          .getSystemService(NotificationManager.class)
          .notify(NOTIFICATION_ID, buildNotification(context, displayName));
    }
    StatusListeners.fire();
  }

  @Override
  public void onCreate() {
    super.onCreate();
    createChannel(this);
    running = true;
    StatusListeners.fire();
  }

  @Override
  public int onStartCommand(Intent intent, int flags, int startId) {
    // startForeground on every start: startForegroundService demands it each time.
    if (!goForeground()) {
      stopSelf();
      return START_NOT_STICKY;
    }
    if (!engineStarted) {
      engineStarted = true;
      MirrorEngines.current().start(getApplicationContext());
    }
    // A null intent is a START_STICKY restart: nothing to do beyond being up again.
    if (intent != null && ACTION_SMS_HINT.equals(intent.getAction())) {
      MirrorEngines.current().onSmsHint();
    }
    return START_STICKY;
  }

  @Override
  public void onDestroy() {
    if (engineStarted) {
      MirrorEngines.current().stop();
      engineStarted = false;
    }
    stopForeground(STOP_FOREGROUND_REMOVE);
    running = false;
    connectedComputer = null;
    StatusListeners.fire();
    super.onDestroy();
  }

  @Override
  public IBinder onBind(Intent intent) {
    return null; // Started, not bound: the activity talks to it through intents and
    // StatusListeners.
  }

  private boolean goForeground() {
    Notification notification = buildNotification(this, connectedComputer);
    try {
      if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.Q) {
        startForegroundConnectedDevice(notification);
      } else {
        startForeground(NOTIFICATION_ID, notification);
      }
      return true;
    } catch (IllegalStateException | SecurityException e) {
      // Android 12+ may refuse a start from the background; Android 14 throws
      // SecurityException if a connectedDevice prerequisite permission is missing.
      Log.e(TAG, "Could not run in the foreground; stopping", e);
      return false;
    }
  }

  @TargetApi(Build.VERSION_CODES.Q)
  private void startForegroundConnectedDevice(Notification notification) {
    startForeground(
        NOTIFICATION_ID, notification, ServiceInfo.FOREGROUND_SERVICE_TYPE_CONNECTED_DEVICE);
  }

  /**
   * Low importance: shown in the shade, never makes a sound or pops up. Safe to call repeatedly.
   */
  private static void createChannel(Context context) {
    NotificationChannel channel =
        new NotificationChannel(
            CHANNEL_ID,
            context.getString(R.string.channel_name),
            NotificationManager.IMPORTANCE_LOW);
    channel.setDescription(context.getString(R.string.channel_description));
    channel.setShowBadge(false);
    context.getSystemService(NotificationManager.class).createNotificationChannel(channel);
  }

  private static Notification buildNotification(Context context, String computer) {
    PendingIntent openApp =
        PendingIntent.getActivity(
            context,
            0,
            new Intent(context, MainActivity.class).addFlags(Intent.FLAG_ACTIVITY_SINGLE_TOP),
            PendingIntent.FLAG_IMMUTABLE | PendingIntent.FLAG_UPDATE_CURRENT);
    String title =
        computer != null
            ? context.getString(R.string.notification_mirroring, computer)
            : context.getString(R.string.notification_waiting);
    String detail =
        context.getString(
            computer != null
                ? R.string.notification_mirroring_detail
                : R.string.notification_waiting_detail);
    return new Notification.Builder(context, CHANNEL_ID)
        .setSmallIcon(R.drawable.ic_stat_mirror)
        .setContentTitle(title)
        .setContentText(detail)
        .setContentIntent(openApp)
        .setOngoing(true)
        .setShowWhen(false)
        .setCategory(Notification.CATEGORY_SERVICE)
        .build();
  }
}
