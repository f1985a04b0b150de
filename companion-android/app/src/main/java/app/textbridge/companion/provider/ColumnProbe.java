package app.textbridge.companion.provider;

import android.content.ContentResolver;
import android.database.Cursor;
import android.database.SQLException;
import android.net.Uri;
import app.textbridge.core.port.EventLog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds which optional columns a provider really has, so that a fixed projection never names a
 * column the OEM's provider lacks (SQLite then fails the whole query: "no such column: sub_id").
 * Each probe asks for no rows ({@code _id < 0}); the answer is cached by the caller and dropped
 * when a later query fails, in case an OS update changed the schema.
 */
final class ColumnProbe {
  private ColumnProbe() {}

  /** The required columns plus the optional ones the provider answers for. */
  static String[] projection(
      ContentResolver resolver, Uri uri, String[] required, String[] optional, EventLog log)
      throws ProviderException {
    String[] all = concat(required, optional);
    if (answers(resolver, uri, all)) {
      return all;
    }
    if (!answers(resolver, uri, required)) {
      throw new ProviderException("the provider at " + uri + " lacks required columns", null);
    }
    List<String> kept = new ArrayList<>(Arrays.asList(required));
    for (String column : optional) {
      if (answers(resolver, uri, concat(required, new String[] {column}))) {
        kept.add(column);
      } else {
        log.warn("provider", uri + " has no column " + column + ": read without it");
      }
    }
    return kept.toArray(new String[0]);
  }

  private static boolean answers(ContentResolver resolver, Uri uri, String[] projection)
      throws ProviderException {
    try (Cursor c = resolver.query(uri, projection, Telephony2.ID + " < 0", null, null)) {
      if (c == null) {
        throw new ProviderException("no provider answers " + uri, null);
      }
      return true;
    } catch (SQLException | IllegalArgumentException e) {
      return false;
    } catch (SecurityException e) {
      throw new ProviderException("not allowed to read " + uri, e);
    }
  }

  static String[] concat(String[] a, String[] b) {
    String[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
