package app.textbridge.core.port;

/**
 * Human-readable diagnostics. Callers never pass keys, secrets or message bodies. Android:
 * android.util.Log; runner: stderr.
 */
public interface EventLog {
  void info(String tag, String message);

  void warn(String tag, String message);
}
