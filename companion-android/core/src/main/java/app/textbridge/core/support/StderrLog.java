package app.textbridge.core.support;

import app.textbridge.core.port.EventLog;

/** Logs to stderr (tests, the runner). */
public final class StderrLog implements EventLog {
  private final boolean quiet;

  public StderrLog(boolean quiet) {
    this.quiet = quiet;
  }

  @Override
  public void info(String tag, String message) {
    if (!quiet) System.err.println("[" + tag + "] " + message);
  }

  @Override
  public void warn(String tag, String message) {
    System.err.println("[" + tag + "] WARN " + message);
  }
}
