package app.textbridge.companion.send;

import android.content.BroadcastReceiver;
import android.content.Context;
import android.content.Intent;
import android.util.Log;

/**
 * Receives the radio's per-part results (the PendingIntents of {@link ReportIntents}). Declared in
 * the manifest, not registered at run time, so a result that arrives after the process was killed
 * (an OEM battery saver, a crash) still starts the process and is kept: {@link ReportRelay} hands
 * it to the running core, or stores it until the core starts again.
 */
public final class SendResultReceiver extends BroadcastReceiver {
  private static final String TAG = "TextbridgeSend";

  @Override
  public void onReceive(Context context, Intent intent) {
    RadioReport report = ReportIntents.parse(intent, getResultCode());
    if (report == null) {
      return; // not ours, or a temporary delivery report: the final one follows
    }
    try {
      ReportRelay.deliver(context, report);
    } catch (RuntimeException e) {
      // Never crash the process over one report; the key stays in its last state.
      Log.e(TAG, "could not record a " + report.outcome + " report", e);
    }
  }
}
