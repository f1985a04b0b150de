package app.textbridge.companion.engine;

import app.textbridge.companion.keys.KeystoreCipher;
import app.textbridge.companion.keys.SecretCipher;
import app.textbridge.core.port.Clock;
import app.textbridge.core.protocol.Constants;
import app.textbridge.core.support.SystemClock;

/**
 * What differs between the phone and the tests: the key-file cipher (no AndroidKeyStore under
 * Robolectric), the listening port (0 = any free port), the clock, the device name.
 */
public final class EngineOptions {
  public SecretCipher cipher = new KeystoreCipher();

  /** The reference phone's port (PROTOCOL.md §3); another free port if it is taken. */
  public int port = Constants.DEFAULT_PHONE_PORT;

  public Clock clock = new SystemClock();

  /** Shown in hello and the pairing payload (the desktop's list of phones). */
  public String deviceName = android.os.Build.MODEL;

  public String appVersion = "1.0.0";
}
