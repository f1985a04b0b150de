package app.textbridge.companion.service;

/** For tests in other packages that install an engine of their own and must put the slot back. */
public final class TestEngines {
  private TestEngines() {}

  /** Puts back the placeholder a process has before its real engine is installed. */
  public static void uninstall() {
    MirrorEngines.install(new MirrorEngines.NotInstalled());
  }
}
