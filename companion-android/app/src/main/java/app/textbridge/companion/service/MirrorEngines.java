package app.textbridge.companion.service;

import android.content.Context;
import android.util.Log;

/** Holds the process's {@link MirrorEngine}; see that interface for who installs it and when. */
public final class MirrorEngines {
  private static volatile MirrorEngine installed = new NotInstalled();

  private MirrorEngines() {}

  public static void install(MirrorEngine engine) {
    if (engine == null) {
      throw new IllegalArgumentException("engine must not be null");
    }
    installed = engine;
  }

  public static MirrorEngine current() {
    return installed;
  }

  /**
   * Before {@link app.textbridge.companion.CompanionApp} installed the engine (only in tests that
   * replace the Application): the service still runs and keeps its notification; pairing says it
   * cannot.
   */
  static final class NotInstalled implements MirrorEngine {
    private static final String TAG = "TextbridgeEngine";

    @Override
    public void start(Context appContext) {
      Log.i(TAG, "No mirror engine installed: the service only holds its place");
    }

    @Override
    public void onSmsHint() {}

    @Override
    public ScanResult onPairingCode(String qrText) {
      return ScanResult.NOT_RUNNING;
    }

    @Override
    public void forget(String computerId) {}

    @Override
    public void stop() {}
  }
}
