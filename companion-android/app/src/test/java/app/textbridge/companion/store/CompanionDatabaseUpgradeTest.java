package app.textbridge.companion.store;

import static org.junit.Assert.assertEquals;

import android.app.Application;
import android.database.Cursor;
import android.database.sqlite.SQLiteDatabase;
import java.io.File;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;

/** A version 1 database (before MMS) opens as version 2 with its rows kept. */
@RunWith(RobolectricTestRunner.class)
public class CompanionDatabaseUpgradeTest {
  @After
  public void tearDown() {
    CompanionDatabase.closeShared();
  }

  @Test
  public void version1GainsTheMmsResultsTableAndKeepsItsRows() {
    Application app = RuntimeEnvironment.getApplication();
    File file = new File(app.getNoBackupFilesDir(), CompanionDatabase.FILE_NAME);
    // What version 1 left that matters here: a stored radio report, and its version number.
    SQLiteDatabase old = SQLiteDatabase.openOrCreateDatabase(file, null);
    old.execSQL(
        "CREATE TABLE radio_reports (id INTEGER PRIMARY KEY, send_key TEXT NOT NULL,"
            + " recipient INTEGER NOT NULL, part INTEGER NOT NULL, sub_id INTEGER NOT NULL,"
            + " outcome TEXT NOT NULL, reason TEXT, detail TEXT)");
    old.execSQL(
        "INSERT INTO radio_reports (send_key, recipient, part, sub_id, outcome)"
            + " VALUES ('key-sms-000000001', 0, 0, 1, 'sent')");
    old.setVersion(1);
    old.close();

    SQLiteDatabase db = CompanionDatabase.get(app).getWritableDatabase();
    assertEquals(2, db.getVersion());
    try (Cursor c = db.rawQuery("SELECT count(*) FROM radio_reports", null)) {
      c.moveToFirst();
      assertEquals(1, c.getInt(0));
    }
    db.execSQL(
        "INSERT INTO mms_results (send_key, sub_id, outcome, reason, detail, message_id)"
            + " VALUES ('key-mms-000000001', 2, 'failed', 'mms_unsupported', 'x', NULL)");
    try (Cursor c = db.rawQuery("SELECT count(*) FROM mms_results", null)) {
      c.moveToFirst();
      assertEquals(1, c.getInt(0));
    }
  }
}
