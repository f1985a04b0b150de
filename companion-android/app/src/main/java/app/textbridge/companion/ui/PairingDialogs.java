package app.textbridge.companion.ui;

import android.app.Activity;
import android.app.AlertDialog;
import app.textbridge.companion.R;
import app.textbridge.companion.pairing.PairingPrompter;
import app.textbridge.core.port.PairingPrompt;
import java.util.HashMap;
import java.util.Map;

/**
 * The pairing confirmation as a dialog while {@link MainActivity} is in front (the notification
 * stays up too; the first answer wins). Not cancelable by tapping outside: a pairing is answered
 * with a deliberate Pair or Reject, or left to time out.
 */
final class PairingDialogs implements PairingPrompter.Host {
  private final Activity activity;
  private final Map<String, AlertDialog> shown = new HashMap<>();

  PairingDialogs(Activity activity) {
    this.activity = activity;
  }

  @Override
  public void showPairing(PairingPrompt.Request request) {
    if (shown.containsKey(request.requestId) || activity.isFinishing()) {
      return;
    }
    AlertDialog dialog =
        new AlertDialog.Builder(activity)
            .setTitle(activity.getString(R.string.pairing_title, request.desktopName))
            .setMessage(
                activity.getString(R.string.pairing_text, PairingPrompter.formatSas(request.sas)))
            .setCancelable(false)
            .setPositiveButton(R.string.pairing_confirm, (d, w) -> answer(request.requestId, true))
            .setNegativeButton(R.string.pairing_reject, (d, w) -> answer(request.requestId, false))
            .create();
    shown.put(request.requestId, dialog);
    dialog.show();
  }

  @Override
  public void hidePairing(String requestId) {
    AlertDialog dialog = shown.remove(requestId);
    if (dialog != null && dialog.isShowing()) {
      dialog.dismiss();
    }
  }

  /** The activity leaves the front: its dialogs go (the notification still asks). */
  void dismissAll() {
    for (AlertDialog d : shown.values()) {
      if (d.isShowing()) {
        d.dismiss();
      }
    }
    shown.clear();
  }

  private void answer(String requestId, boolean accept) {
    shown.remove(requestId);
    PairingPrompter prompter = PairingPrompter.current();
    if (prompter != null) {
      prompter.answer(requestId, accept);
    }
  }
}
