package app.textbridge.companion.send;

import android.content.Context;
import app.textbridge.core.port.MmsSender.OutgoingMms;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * The folder of PDUs waiting for the MMS service to read them: {@code cacheDir/mms-out/<key>.pdu}.
 * A file lives from the hand-over until the result arrives ({@link MmsSentReceiver}); the cache dir
 * is right for that, since a file the system clears early only costs that one send an I/O error
 * result. Names are the send key, which the protocol already limits to {@code [A-Za-z0-9_-]}, so a
 * name is never a path and {@link MmsPduProvider} can check it by pattern.
 */
final class PduOutbox {
  static final String FOLDER = "mms-out";
  static final String SUFFIX = ".pdu";

  /**
   * Older than this and still here, a file's result is not coming (the platform dropped the
   * request, or the result came while the file could not be deleted). The MMS service reads the PDU
   * when its request starts, normally seconds after the hand-over, at worst a few minutes later
   * behind other requests and network retries.
   */
  static final long ABANDONED_AFTER_MS = 60 * 60 * 1000L;

  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private final File folder;

  PduOutbox(Context context) {
    folder = new File(context.getApplicationContext().getCacheDir(), FOLDER);
  }

  static boolean isKey(String key) {
    return key != null && KEY.matcher(key).matches();
  }

  /** True for exactly the names this folder hands out: {@code <key>.pdu}. */
  static boolean isName(String name) {
    return name != null
        && name.endsWith(SUFFIX)
        && isKey(name.substring(0, name.length() - SUFFIX.length()));
  }

  static String nameOf(String key) {
    if (!isKey(key)) throw new IllegalArgumentException("not a send key");
    return key + SUFFIX;
  }

  /**
   * Writes the PDU under its key, replacing a leftover from an earlier attempt. Written to a
   * temporary name and renamed, so the provider never serves a half-written file.
   */
  File write(OutgoingMms mms) throws IOException {
    String name = nameOf(mms.key);
    if (!folder.isDirectory() && !folder.mkdirs() && !folder.isDirectory()) {
      throw new IOException("cannot create " + FOLDER);
    }
    File part = new File(folder, name + ".part");
    File done = new File(folder, name);
    try (FileOutputStream out = new FileOutputStream(part)) {
      mms.writePdu(out);
      out.getFD().sync();
    } catch (IOException e) {
      part.delete();
      throw e;
    }
    if (!part.renameTo(done)) {
      part.delete();
      throw new IOException("cannot rename the PDU file");
    }
    return done;
  }

  File folder() {
    return folder;
  }

  /** The file for a name {@link #isName} accepts, else null. It may not exist. */
  File fileNamed(String name) {
    return isName(name) ? new File(folder, name) : null;
  }

  /** Deletes the key's PDU; false if there was none. */
  boolean delete(String key) {
    return isKey(key) && new File(folder, nameOf(key)).delete();
  }

  /** Deletes every file older than {@link #ABANDONED_AFTER_MS}; returns how many. */
  int sweep(long nowMs) {
    File[] files = folder.listFiles();
    int deleted = 0;
    if (files == null) {
      return 0;
    }
    for (File f : files) {
      if (nowMs - f.lastModified() > ABANDONED_AFTER_MS && f.delete()) {
        deleted++;
      }
    }
    return deleted;
  }
}
