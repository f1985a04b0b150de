package app.textbridge.companion.service;

import android.content.Context;
import android.util.AtomicFile;
import android.util.Log;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The companion's small persistent state: whether the user wants mirroring on, the computers it is
 * paired with (id and display name, for the status screen) and the last sync time.
 *
 * <p>Kept in {@link Context#getNoBackupFilesDir()}, not SharedPreferences: Android 12+ copies
 * shared_prefs in device-to-device transfers even with allowBackup="false", and a pairing copied to
 * a new phone without its keys would show as paired yet never connect. Writes go through {@link
 * AtomicFile} so a crash mid-write leaves the previous state intact.
 */
public final class AppState {
  private static final String TAG = "TextbridgeState";
  private static final String FILE_NAME = "companion-state.properties";
  private static final String KEY_MIRRORING = "mirroring.enabled";
  private static final String KEY_LAST_SYNC = "sync.lastMillis";
  private static final String PAIRED_PREFIX = "paired.";

  /** One lock for every read-modify-write: the service, receivers and activity share a process. */
  private static final Object LOCK = new Object();

  /** An immutable snapshot; read again after a {@link StatusListeners} notice. */
  public static final class Snapshot {
    public final boolean mirroringEnabled;

    /** Computer id to display name, sorted by id so the order is stable. */
    public final Map<String, String> pairedComputers;

    /** 0 when nothing has synced yet. */
    public final long lastSyncMillis;

    Snapshot(boolean mirroringEnabled, Map<String, String> pairedComputers, long lastSyncMillis) {
      this.mirroringEnabled = mirroringEnabled;
      this.pairedComputers = Collections.unmodifiableMap(new TreeMap<>(pairedComputers));
      this.lastSyncMillis = lastSyncMillis;
    }
  }

  private AppState() {}

  public static Snapshot read(Context context) {
    synchronized (LOCK) {
      return toSnapshot(load(context));
    }
  }

  public static void setMirroringEnabled(Context context, boolean enabled) {
    update(context, KEY_MIRRORING, enabled ? "true" : null);
  }

  public static void putPairedComputer(Context context, String computerId, String displayName) {
    update(context, PAIRED_PREFIX + computerId, displayName);
  }

  public static void removePairedComputer(Context context, String computerId) {
    update(context, PAIRED_PREFIX + computerId, null);
  }

  public static void setLastSyncMillis(Context context, long millis) {
    update(context, KEY_LAST_SYNC, Long.toString(millis));
  }

  /** Sets (or, with a null value, removes) one key, saves, and tells the status screen. */
  private static void update(Context context, String key, String value) {
    synchronized (LOCK) {
      Properties props = load(context);
      if (value == null) {
        props.remove(key);
      } else {
        props.setProperty(key, value);
      }
      save(context, props);
    }
    StatusListeners.fire();
  }

  private static AtomicFile file(Context context) {
    return new AtomicFile(new File(context.getNoBackupFilesDir(), FILE_NAME));
  }

  private static Properties load(Context context) {
    Properties props = new Properties();
    try (FileInputStream in = file(context).openRead()) {
      props.load(in);
    } catch (FileNotFoundException e) {
      // First run: nothing saved yet.
    } catch (IOException | IllegalArgumentException e) {
      // Unreadable state is reported and treated as empty: the user pairs again, which is
      // recoverable; crashing at every launch is not.
      Log.e(TAG, "Could not read the saved state; starting from empty", e);
      props.clear();
    }
    return props;
  }

  private static void save(Context context, Properties props) {
    AtomicFile file = file(context);
    FileOutputStream out = null;
    try {
      out = file.startWrite();
      props.store(out, "Textbridge companion state");
      file.finishWrite(out);
    } catch (IOException e) {
      if (out != null) {
        file.failWrite(out);
      }
      throw new StateWriteException("Could not save the companion state", e);
    }
  }

  private static Snapshot toSnapshot(Properties props) {
    Map<String, String> paired = new TreeMap<>();
    for (String name : props.stringPropertyNames()) {
      if (name.startsWith(PAIRED_PREFIX)) {
        paired.put(name.substring(PAIRED_PREFIX.length()), props.getProperty(name));
      }
    }
    long lastSync = 0;
    String lastSyncText = props.getProperty(KEY_LAST_SYNC);
    if (lastSyncText != null) {
      try {
        lastSync = Long.parseLong(lastSyncText);
      } catch (NumberFormatException e) {
        Log.e(TAG, "Ignoring a malformed last-sync time", e);
      }
    }
    return new Snapshot(Boolean.parseBoolean(props.getProperty(KEY_MIRRORING)), paired, lastSync);
  }

  /** A failed save is a real error (disk full, storage gone): it must not pass silently. */
  static final class StateWriteException extends RuntimeException {
    StateWriteException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
