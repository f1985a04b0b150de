package app.textbridge.companion.engine;

import android.util.Log;
import app.textbridge.core.port.EventLog;

/** The core's {@link EventLog} on logcat. Callers never pass keys or message bodies (PORTS.md). */
final class AndroidLog implements EventLog {
  @Override
  public void info(String tag, String message) {
    Log.i("Textbridge/" + tag, message);
  }

  @Override
  public void warn(String tag, String message) {
    Log.w("Textbridge/" + tag, message);
  }
}
