package app.textbridge.companion.service;

import android.content.BroadcastReceiver;
import android.content.Context;
import android.content.Intent;

/**
 * Restarts mirroring after a reboot and after an app update (an update kills the process and
 * nothing else would bring the service back). Both broadcasts are on Android's list of allowed
 * foreground-service starts from the background. A user who turned mirroring off stays off.
 */
public final class BootReceiver extends BroadcastReceiver {
  @Override
  public void onReceive(Context context, Intent intent) {
    String action = intent.getAction();
    if (!Intent.ACTION_BOOT_COMPLETED.equals(action)
        && !Intent.ACTION_MY_PACKAGE_REPLACED.equals(action)) {
      return;
    }
    if (AppState.read(context).mirroringEnabled) {
      MirrorService.start(context, MirrorService.ACTION_START);
    }
  }
}
