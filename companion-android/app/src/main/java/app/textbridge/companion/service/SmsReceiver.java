package app.textbridge.companion.service;

import android.content.BroadcastReceiver;
import android.content.Context;
import android.content.Intent;
import android.provider.Telephony;

/**
 * A low-latency nudge: when a text arrives, tell the service to sync now instead of waiting for the
 * provider's ContentObserver, and bring the service back if an OEM battery killer stopped it. The
 * message itself is never read here (the sync reads the provider; logs never hold bodies).
 */
public final class SmsReceiver extends BroadcastReceiver {
  @Override
  public void onReceive(Context context, Intent intent) {
    if (!Telephony.Sms.Intents.SMS_RECEIVED_ACTION.equals(intent.getAction())) {
      return;
    }
    if (AppState.read(context).mirroringEnabled) {
      // Telephony puts receivers of a new text on a short allowlist, so this start is
      // normally allowed; if Android refuses anyway, MirrorService.start logs it.
      MirrorService.start(context, MirrorService.ACTION_SMS_HINT);
    }
  }
}
