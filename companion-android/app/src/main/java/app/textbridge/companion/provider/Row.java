package app.textbridge.companion.provider;

import android.database.Cursor;

/**
 * Null-safe reads from the current row of a cursor, by column name resolved once. A column the
 * projection left out (an optional OEM column the probe did not find) reads as null, never as 0 or
 * "": a missing sub_id is "unknown SIM", not SIM 0.
 */
final class Row {
  private final Cursor cursor;
  private final String[] names;
  private final int[] indices;

  Row(Cursor cursor, String... names) {
    this.cursor = cursor;
    this.names = names;
    this.indices = new int[names.length];
    for (int i = 0; i < names.length; i++) {
      indices[i] = cursor.getColumnIndex(names[i]);
    }
  }

  private int at(String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return indices[i];
      }
    }
    throw new IllegalArgumentException("column not declared: " + name);
  }

  Long getLong(String name) {
    int i = at(name);
    return i < 0 || cursor.isNull(i) ? null : cursor.getLong(i);
  }

  long getLong(String name, long fallback) {
    Long v = getLong(name);
    return v == null ? fallback : v;
  }

  String getString(String name) {
    int i = at(name);
    return i < 0 || cursor.isNull(i) ? null : cursor.getString(i);
  }
}
