package app.textbridge.companion.service;

import android.os.Handler;
import android.os.Looper;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * In-process change notices for the status screen: the service starting or stopping, the connected
 * computer changing, a pairing added or removed, a sync finishing. Framework-only stand-in for
 * LiveData (no AndroidX): listeners always run on the main thread, whichever thread fired the
 * change.
 */
public final class StatusListeners {
  private static final Set<Runnable> LISTENERS = new CopyOnWriteArraySet<>();

  private StatusListeners() {}

  public static void add(Runnable listener) {
    LISTENERS.add(listener);
  }

  public static void remove(Runnable listener) {
    LISTENERS.remove(listener);
  }

  public static void fire() {
    if (LISTENERS.isEmpty()) {
      return;
    }
    // A fresh Handler each time: the main Looper outlives any object we could cache it in.
    Handler main = new Handler(Looper.getMainLooper());
    for (Runnable listener : LISTENERS) {
      main.post(listener);
    }
  }
}
