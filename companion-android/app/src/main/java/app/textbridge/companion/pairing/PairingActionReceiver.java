package app.textbridge.companion.pairing;

import android.content.BroadcastReceiver;
import android.content.Context;
import android.content.Intent;
import android.net.Uri;

/**
 * Confirm / Reject from the pairing notification (not exported: only our own PendingIntents reach
 * it). If the process died since the prompt was shown, the handshake's session died with it and
 * there is nothing to answer: the stale notification is simply gone.
 */
public final class PairingActionReceiver extends BroadcastReceiver {
  @Override
  public void onReceive(Context context, Intent intent) {
    Uri data = intent.getData();
    String requestId = data == null ? null : data.getLastPathSegment();
    boolean confirm = PairingPrompter.ACTION_CONFIRM.equals(intent.getAction());
    boolean reject = PairingPrompter.ACTION_REJECT.equals(intent.getAction());
    if (requestId == null || !(confirm || reject)) {
      return;
    }
    PairingPrompter prompter = PairingPrompter.current();
    if (prompter != null) {
      prompter.answer(requestId, confirm);
    } else {
      context
          .getSystemService(android.app.NotificationManager.class)
          .cancel(requestId, PairingPrompter.NOTIFICATION_ID);
    }
  }
}
