package app.textbridge.companion.store;

import android.content.ContentValues;
import android.database.Cursor;
import android.database.SQLException;
import android.database.sqlite.SQLiteDatabase;
import android.database.sqlite.SQLiteStatement;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What the provider watcher had seen, so that changes made while the app was not running (the
 * process killed by an OEM battery saver, a reboot) are found at the next start instead of lost:
 * every provider row id per table, and a fingerprint for the rows of the recent window.
 */
public final class WatchStateStore {
  private final CompanionDatabase db;

  public WatchStateStore(CompanionDatabase db) {
    this.db = db;
  }

  /** A table's saved state: every id ascending, and the window's fingerprints. */
  public static final class Snapshot {
    public final long[] ids;
    public final Map<Long, String> fingerprints;

    public Snapshot(long[] ids, Map<Long, String> fingerprints) {
      this.ids = ids;
      this.fingerprints = fingerprints;
    }
  }

  /** The saved state of {@code table}, or null when it was never primed (first start). */
  public Snapshot load(String table) throws IOException {
    try {
      SQLiteDatabase r = db.getReadableDatabase();
      try (Cursor c =
          r.rawQuery("SELECT primed FROM watch_meta WHERE tbl = ?", new String[] {table})) {
        if (!c.moveToFirst()) {
          return null;
        }
      }
      try (Cursor c =
          r.rawQuery(
              "SELECT id, fp FROM watch_rows WHERE tbl = ? ORDER BY id", new String[] {table})) {
        long[] ids = new long[c.getCount()];
        Map<Long, String> fps = new HashMap<>();
        int n = 0;
        while (c.moveToNext()) {
          ids[n++] = c.getLong(0);
          if (!c.isNull(1)) {
            fps.put(c.getLong(0), c.getString(1));
          }
        }
        return new Snapshot(Arrays.copyOf(ids, n), fps);
      }
    } catch (SQLException e) {
      throw new StoreException("watch state read failed", e);
    }
  }

  /**
   * A single saved watermark (the highest provider id handled so far) named {@code name}, or null
   * when none was saved yet. Kept in watch_meta next to the tables' primed flags: its integer
   * column holds the id, so no schema change was needed.
   */
  public Long loadMark(String name) throws IOException {
    try (Cursor c =
        db.getReadableDatabase()
            .rawQuery(
                "SELECT primed FROM watch_meta WHERE tbl = ?", new String[] {"mark:" + name})) {
      return c.moveToFirst() ? c.getLong(0) : null;
    } catch (SQLException e) {
      throw new StoreException("watch mark read failed", e);
    }
  }

  /** Saves the watermark {@code name} (see {@link #loadMark}). */
  public void saveMark(String name, long id) throws IOException {
    try {
      ContentValues v = new ContentValues();
      v.put("tbl", "mark:" + name);
      v.put("primed", id);
      db.getWritableDatabase()
          .insertWithOnConflict("watch_meta", null, v, SQLiteDatabase.CONFLICT_REPLACE);
    } catch (SQLException e) {
      throw new StoreException("watch mark write failed", e);
    }
  }

  /**
   * Applies one scan's difference in a single transaction: {@code removed} ids go, every entry of
   * {@code upserts} is written (a null fingerprint: the row left the window or was never in it).
   */
  public void apply(String table, long[] removed, Map<Long, String> upserts) throws IOException {
    try {
      SQLiteDatabase w = db.getWritableDatabase();
      w.beginTransaction();
      try {
        SQLiteStatement delete =
            w.compileStatement("DELETE FROM watch_rows WHERE tbl = ? AND id = ?");
        for (long id : removed) {
          delete.bindString(1, table);
          delete.bindLong(2, id);
          delete.executeUpdateDelete();
        }
        SQLiteStatement put =
            w.compileStatement("INSERT OR REPLACE INTO watch_rows(tbl, id, fp) VALUES (?, ?, ?)");
        for (Map.Entry<Long, String> e : upserts.entrySet()) {
          put.bindString(1, table);
          put.bindLong(2, e.getKey());
          if (e.getValue() == null) {
            put.bindNull(3);
          } else {
            put.bindString(3, e.getValue());
          }
          put.executeInsert();
        }
        ContentValues primed = new ContentValues();
        primed.put("tbl", table);
        primed.put("primed", 1);
        w.insertWithOnConflict("watch_meta", null, primed, SQLiteDatabase.CONFLICT_REPLACE);
        w.setTransactionSuccessful();
      } finally {
        w.endTransaction();
      }
    } catch (SQLException e) {
      throw new StoreException("watch state write failed", e);
    }
  }
}
