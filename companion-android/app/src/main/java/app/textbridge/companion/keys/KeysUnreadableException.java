package app.textbridge.companion.keys;

import java.io.IOException;

/**
 * The key file exists but cannot be opened: its AndroidKeyStore key is gone (a restore onto another
 * phone, a cleared credential store, some OEM updates) or the file is damaged. The phone's identity
 * and pairings are lost; the app shows a "pair again" state instead of crashing, and pairing again
 * starts a fresh identity.
 */
public final class KeysUnreadableException extends IOException {
  private static final long serialVersionUID = 1L;

  public KeysUnreadableException(String message, Throwable cause) {
    super(message, cause);
  }
}
