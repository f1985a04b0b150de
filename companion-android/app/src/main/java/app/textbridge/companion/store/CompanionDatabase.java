package app.textbridge.companion.store;

import android.content.Context;
import android.database.sqlite.SQLiteDatabase;
import android.database.sqlite.SQLiteOpenHelper;
import app.textbridge.core.crypto.Bytes;
import app.textbridge.core.crypto.Nacl;
import java.io.File;

/**
 * The companion's own SQLite database: the send journal, the change journal and desktop acks, radio
 * reports and MMS results that arrived while the engine was down, and the provider watcher's
 * watermarks.
 *
 * <p>It lives in {@link Context#getNoBackupFilesDir()} (an absolute path given to
 * SQLiteOpenHelper), not in databases/: Android 12+ copies databases/ in device-to-device transfers
 * even with allowBackup="false" (BUILD.md "Limits of aapt 1"), and a journal copied to another
 * phone would claim sends that phone never made.
 *
 * <p>WAL for concurrent readers, {@code synchronous=FULL} because the send journal must be on disk
 * when a call returns (PORTS.md SendJournal): a key lost in a power cut after its text left would
 * let a retry send the text twice. WAL's default NORMAL survives a process death but not a power
 * cut. No STRICT tables: Android 8's SQLite is 3.18 and STRICT needs 3.37. Migrations only go up; a
 * database from a newer app version is refused with {@link DatabaseFromTheFutureException} rather
 * than guessed at.
 */
public final class CompanionDatabase extends SQLiteOpenHelper {
  public static final String FILE_NAME = "textbridge.db";
  static final int VERSION = 2;
  private static volatile CompanionDatabase shared;

  private CompanionDatabase(Context context, File file) {
    super(context, file.getPath(), null, VERSION);
    setWriteAheadLoggingEnabled(true);
  }

  /**
   * The process-wide instance (SQLiteOpenHelper is thread-safe; receivers and the engine share it).
   */
  public static CompanionDatabase get(Context context) {
    CompanionDatabase db = shared;
    if (db == null) {
      synchronized (CompanionDatabase.class) {
        db = shared;
        if (db == null) {
          Context app = context.getApplicationContext();
          db = new CompanionDatabase(app, new File(app.getNoBackupFilesDir(), FILE_NAME));
          shared = db;
        }
      }
    }
    return db;
  }

  /** Closes the shared instance (tests simulating a process death; the next get reopens it). */
  public static void closeShared() {
    synchronized (CompanionDatabase.class) {
      if (shared != null) {
        shared.close();
        shared = null;
      }
    }
  }

  @Override
  public void onConfigure(SQLiteDatabase db) {
    // After the helper switched the connection to WAL (which sets NORMAL): FULL fsyncs the WAL
    // on every commit. Setting a pragma returns no row, so execSQL accepts it.
    db.execSQL("PRAGMA synchronous = FULL");
  }

  @Override
  public void onCreate(SQLiteDatabase db) {
    migrate(db, 0, VERSION);
  }

  @Override
  public void onUpgrade(SQLiteDatabase db, int oldVersion, int newVersion) {
    migrate(db, oldVersion, newVersion);
  }

  @Override
  public void onDowngrade(SQLiteDatabase db, int oldVersion, int newVersion) {
    throw new DatabaseFromTheFutureException(oldVersion, newVersion);
  }

  /** Numbered steps, each run once, inside the helper's transaction. */
  private static void migrate(SQLiteDatabase db, int from, int to) {
    for (int v = from + 1; v <= to; v++) {
      if (v == 1) {
        createVersion1(db);
      } else if (v == 2) {
        createVersion2(db);
      } else {
        throw new IllegalStateException("no migration to version " + v);
      }
    }
  }

  private static void createVersion1(SQLiteDatabase db) {
    db.execSQL(
        "CREATE TABLE send_journal ("
            + " send_key TEXT PRIMARY KEY NOT NULL,"
            + " recipients TEXT NOT NULL,"
            + " body_digest TEXT NOT NULL,"
            + " sub_id INTEGER,"
            + " requested_at INTEGER NOT NULL,"
            + " state TEXT NOT NULL CHECK (state IN ('accepted','sent','delivered','failed','unknown')),"
            + " reason TEXT,"
            + " detail TEXT,"
            + " handed INTEGER NOT NULL CHECK (handed IN (0,1)),"
            + " parts TEXT NOT NULL,"
            + " part_states TEXT NOT NULL,"
            + " message_ids TEXT NOT NULL,"
            + " updated_at INTEGER NOT NULL)");
    db.execSQL("CREATE INDEX send_journal_updated ON send_journal(updated_at)");
    db.execSQL(
        "CREATE TABLE change_journal ("
            + " seq INTEGER PRIMARY KEY NOT NULL,"
            + " deleted INTEGER NOT NULL CHECK (deleted IN (0,1)),"
            + " message_id TEXT NOT NULL)");
    db.execSQL(
        "CREATE TABLE desktop_acks ("
            + " desktop_key TEXT PRIMARY KEY NOT NULL,"
            + " acked_seq INTEGER NOT NULL,"
            + " acked_at INTEGER NOT NULL)");
    db.execSQL("CREATE TABLE meta (name TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)");
    // The journal's epoch is born with the database: a lost database means a new epoch, and
    // desktops holding an old watermark get reset=true (PROTOCOL.md §9.3).
    db.execSQL(
        "INSERT INTO meta(name, value) VALUES ('journal.epoch', ?)",
        new Object[] {Bytes.hex(Nacl.randomBytes(8))});
    db.execSQL("INSERT INTO meta(name, value) VALUES ('journal.lastSeq', '0')");
    db.execSQL(
        "CREATE TABLE radio_reports ("
            + " id INTEGER PRIMARY KEY,"
            + " send_key TEXT NOT NULL,"
            + " recipient INTEGER NOT NULL,"
            + " part INTEGER NOT NULL,"
            + " sub_id INTEGER NOT NULL,"
            + " outcome TEXT NOT NULL CHECK (outcome IN ('sent','delivered','failed')),"
            + " reason TEXT,"
            + " detail TEXT)");
    db.execSQL(
        "CREATE TABLE watch_rows ("
            + " tbl TEXT NOT NULL CHECK (tbl IN ('sms','mms')),"
            + " id INTEGER NOT NULL,"
            + " fp TEXT,"
            + " PRIMARY KEY (tbl, id)) WITHOUT ROWID");
    db.execSQL("CREATE TABLE watch_meta (tbl TEXT PRIMARY KEY NOT NULL, primed INTEGER NOT NULL)");
  }

  /** MMS send results that arrived while the engine was down (send/MmsResultRelay). */
  private static void createVersion2(SQLiteDatabase db) {
    db.execSQL(
        "CREATE TABLE mms_results ("
            + " id INTEGER PRIMARY KEY,"
            + " send_key TEXT NOT NULL,"
            + " sub_id INTEGER NOT NULL,"
            + " outcome TEXT NOT NULL CHECK (outcome IN ('sent','failed')),"
            + " reason TEXT,"
            + " detail TEXT,"
            + " message_id TEXT)");
  }

  /** The database was written by a newer version of the app (a sideloaded downgrade). */
  public static final class DatabaseFromTheFutureException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DatabaseFromTheFutureException(int found, int known) {
      super("database version " + found + " is newer than this app's " + known);
    }
  }
}
