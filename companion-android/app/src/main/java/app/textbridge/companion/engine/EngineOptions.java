package app.textbridge.companion.engine;

import app.textbridge.companion.keys.KeystoreCipher;
import app.textbridge.companion.keys.SecretCipher;
import app.textbridge.core.port.Clock;
import app.textbridge.core.protocol.Constants;
import app.textbridge.core.support.SystemClock;

/**
 * What differs between the phone and the tests: the key-file cipher (no AndroidKeyStore under
 * Robolectric), the listening port (0 = any free port), the clock, the device name. CompanionApp
 * takes the defaults; only the engine and its tests change them.
 */
public final class EngineOptions {
  SecretCipher cipher = new KeystoreCipher();

  /** The reference phone's port (PROTOCOL.md §3); another free port if it is taken. */
  int port = Constants.DEFAULT_PHONE_PORT;

  Clock clock = new SystemClock();

  /** Shown in hello and the pairing payload (the desktop's list of phones). */
  String deviceName = android.os.Build.MODEL;

  String appVersion = "1.0.0";
}
