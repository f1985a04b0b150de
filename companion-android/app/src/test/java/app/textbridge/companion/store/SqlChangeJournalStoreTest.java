package app.textbridge.companion.store;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import android.database.Cursor;
import app.textbridge.core.model.DesktopSyncState;
import java.io.File;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;

/** The change journal's contract (PORTS.md ChangeJournalStore) on SQLite, across a restart. */
@RunWith(RobolectricTestRunner.class)
public class SqlChangeJournalStoreTest {
  @After
  public void tearDown() {
    CompanionDatabase.closeShared();
  }

  private static SqlChangeJournalStore open() {
    return new SqlChangeJournalStore(CompanionDatabase.get(RuntimeEnvironment.getApplication()));
  }

  @Test
  public void seqsAreConsecutiveAndSurvivePruningAndRestarts() throws Exception {
    SqlChangeJournalStore j = open();
    String epoch = j.epoch();
    assertEquals(0, j.lastSeq());
    assertEquals(1, j.firstSeq());
    for (int i = 1; i <= 5; i++) {
      assertEquals(i, j.append(i == 3, "sms:" + i).seq);
    }
    assertEquals(2, j.after(3, 10).size());
    assertTrue(j.after(2, 10).get(0).deleted);
    j.pruneThrough(5);
    assertEquals("last seq survives pruning", 5, j.lastSeq());
    assertEquals(6, j.firstSeq());
    j.saveAck(new DesktopSyncState("ab", 5, 42));
    CompanionDatabase.closeShared();

    SqlChangeJournalStore again = open();
    assertEquals(epoch, again.epoch());
    assertEquals(6, again.append(false, "sms:6").seq);
    assertEquals(42, again.acks().get(0).ackedAt);
    again.removeAck("ab");
    assertTrue(again.acks().isEmpty());
  }

  @Test
  public void aLostDatabaseIsANewEpochAndItLivesOutsideBackups() throws Exception {
    String epoch = open().epoch();
    CompanionDatabase.closeShared();
    File db =
        new File(
            RuntimeEnvironment.getApplication().getNoBackupFilesDir(), CompanionDatabase.FILE_NAME);
    assertTrue(db.getPath(), db.isFile());
    assertTrue(RuntimeEnvironment.getApplication().deleteDatabase(db.getPath()));
    assertNotEquals(epoch, open().epoch());
  }

  @Test
  public void writesAreSynchronousFullInWalMode() {
    android.database.sqlite.SQLiteDatabase db =
        CompanionDatabase.get(RuntimeEnvironment.getApplication()).getWritableDatabase();
    db.beginTransaction(); // the primary connection, the one every write uses
    try (Cursor c = db.rawQuery("PRAGMA synchronous", null)) {
      c.moveToFirst();
      assertEquals("FULL", 2, c.getInt(0));
    } finally {
      db.endTransaction();
    }
    try (Cursor c =
        CompanionDatabase.get(RuntimeEnvironment.getApplication())
            .getWritableDatabase()
            .rawQuery("PRAGMA journal_mode", null)) {
      c.moveToFirst();
      assertEquals("wal", c.getString(0));
    }
  }
}
