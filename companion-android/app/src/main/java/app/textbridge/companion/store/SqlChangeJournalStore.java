package app.textbridge.companion.store;

import android.content.ContentValues;
import android.database.Cursor;
import android.database.SQLException;
import android.database.sqlite.SQLiteDatabase;
import app.textbridge.core.model.DesktopSyncState;
import app.textbridge.core.model.JournalEntry;
import app.textbridge.core.port.ChangeJournalStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The change journal behind sync watermarks (PORTS.md ChangeJournalStore, PROTOCOL.md §9.3, §9.7)
 * in the companion database: entries keyed by seq, the last seq kept in {@code meta} so that it
 * survives pruning ("the last seq ever appended, pruned or not"), and one ack row per desktop. The
 * epoch was made with the database; a lost database is a new epoch, and desktops then reset.
 */
public final class SqlChangeJournalStore implements ChangeJournalStore {
  private final CompanionDatabase db;

  public SqlChangeJournalStore(CompanionDatabase db) {
    this.db = db;
  }

  @Override
  public String epoch() throws IOException {
    return meta(readable(), "journal.epoch");
  }

  @Override
  public JournalEntry append(boolean deleted, String messageId) throws IOException {
    SQLiteDatabase w = writable();
    try {
      w.beginTransaction();
      try {
        long seq = Long.parseLong(meta(w, "journal.lastSeq")) + 1;
        ContentValues v = new ContentValues();
        v.put("seq", seq);
        v.put("deleted", deleted ? 1 : 0);
        v.put("message_id", messageId);
        w.insertOrThrow("change_journal", null, v);
        w.execSQL(
            "UPDATE meta SET value = ? WHERE name = 'journal.lastSeq'",
            new Object[] {Long.toString(seq)});
        w.setTransactionSuccessful();
        return new JournalEntry(seq, deleted, messageId);
      } finally {
        w.endTransaction();
      }
    } catch (SQLException e) {
      throw new StoreException("change journal append failed", e);
    }
  }

  @Override
  public long lastSeq() throws IOException {
    return Long.parseLong(meta(readable(), "journal.lastSeq"));
  }

  @Override
  public long firstSeq() throws IOException {
    try (Cursor c = readable().rawQuery("SELECT MIN(seq) FROM change_journal", null)) {
      if (c.moveToFirst() && !c.isNull(0)) {
        return c.getLong(0);
      }
    } catch (SQLException e) {
      throw new StoreException("change journal read failed", e);
    }
    return lastSeq() + 1;
  }

  @Override
  public List<JournalEntry> after(long afterSeq, int limit) throws IOException {
    List<JournalEntry> out = new ArrayList<>();
    try (Cursor c =
        readable()
            .query(
                "change_journal",
                new String[] {"seq", "deleted", "message_id"},
                "seq > ?",
                new String[] {Long.toString(afterSeq)},
                null,
                null,
                "seq",
                Integer.toString(limit))) {
      while (c.moveToNext()) {
        out.add(new JournalEntry(c.getLong(0), c.getInt(1) == 1, c.getString(2)));
      }
    } catch (SQLException e) {
      throw new StoreException("change journal read failed", e);
    }
    return out;
  }

  @Override
  public void pruneThrough(long seq) throws IOException {
    try {
      writable().delete("change_journal", "seq <= ?", new String[] {Long.toString(seq)});
    } catch (SQLException e) {
      throw new StoreException("change journal prune failed", e);
    }
  }

  @Override
  public void saveAck(DesktopSyncState state) throws IOException {
    ContentValues v = new ContentValues();
    v.put("desktop_key", state.desktopKeyHex);
    v.put("acked_seq", state.ackedSeq);
    v.put("acked_at", state.ackedAt);
    try {
      writable().insertWithOnConflict("desktop_acks", null, v, SQLiteDatabase.CONFLICT_REPLACE);
    } catch (SQLException e) {
      throw new StoreException("ack write failed", e);
    }
  }

  @Override
  public void removeAck(String desktopKeyHex) throws IOException {
    try {
      writable().delete("desktop_acks", "desktop_key = ?", new String[] {desktopKeyHex});
    } catch (SQLException e) {
      throw new StoreException("ack delete failed", e);
    }
  }

  @Override
  public List<DesktopSyncState> acks() throws IOException {
    List<DesktopSyncState> out = new ArrayList<>();
    try (Cursor c =
        readable()
            .query(
                "desktop_acks",
                new String[] {"desktop_key", "acked_seq", "acked_at"},
                null,
                null,
                null,
                null,
                null)) {
      while (c.moveToNext()) {
        out.add(new DesktopSyncState(c.getString(0), c.getLong(1), c.getLong(2)));
      }
    } catch (SQLException e) {
      throw new StoreException("ack read failed", e);
    }
    return out;
  }

  private SQLiteDatabase readable() throws StoreException {
    try {
      return db.getReadableDatabase();
    } catch (SQLException e) {
      throw new StoreException("database unavailable", e);
    }
  }

  private SQLiteDatabase writable() throws StoreException {
    try {
      return db.getWritableDatabase();
    } catch (SQLException e) {
      throw new StoreException("database unavailable", e);
    }
  }

  private static String meta(SQLiteDatabase d, String name) throws StoreException {
    try (Cursor c = d.rawQuery("SELECT value FROM meta WHERE name = ?", new String[] {name})) {
      if (!c.moveToFirst()) {
        throw new StoreException("meta " + name + " missing", null);
      }
      return c.getString(0);
    } catch (SQLException e) {
      throw new StoreException("meta read failed", e);
    }
  }
}
