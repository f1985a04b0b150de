package app.textbridge.companion.send;

import android.content.BroadcastReceiver;
import android.content.Context;
import android.content.Intent;
import android.util.Log;

/**
 * Receives the MMS service's result for an MMS we handed over ({@link MmsIntents}). Declared in the
 * manifest so a result that arrives after the process died still starts it and is kept ({@link
 * MmsResultRelay}). The PDU file has done its job once a result exists, whatever it says: it is
 * deleted here (a retry is a new send with a new key and a new file).
 */
public final class MmsSentReceiver extends BroadcastReceiver {
  private static final String TAG = "TextbridgeSend";

  @Override
  public void onReceive(Context context, Intent intent) {
    MmsResult result = MmsIntents.parse(intent, getResultCode());
    if (result == null) {
      return;
    }
    new PduOutbox(context).delete(result.key);
    try {
      MmsResultRelay.deliver(context, result);
    } catch (RuntimeException e) {
      // Never crash the process over one result; the key stays in its last state.
      Log.e(TAG, "could not record an MMS result", e);
    }
  }
}
