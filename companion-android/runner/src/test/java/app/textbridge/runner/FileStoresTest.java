package app.textbridge.runner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.textbridge.core.model.DesktopSyncState;
import app.textbridge.core.model.FailureReason;
import app.textbridge.core.model.PairedDesktop;
import app.textbridge.core.model.SendRecord;
import app.textbridge.core.model.SendState;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's file-backed ports survive a restart. */
class FileStoresTest {
  @TempDir Path dir;

  @Test
  void keysSendsAndJournalReload() throws Exception {
    FileKeyStorage keys = new FileKeyStorage(dir);
    byte[] sk = new byte[32];
    sk[0] = 7;
    keys.saveStaticSecretKey(sk);
    keys.saveInstanceId("0123456789abcdef0123456789abcdef");
    byte[] pk = new byte[32];
    pk[1] = 9;
    keys.savePairedDesktop(new PairedDesktop(pk, "Laptop", "a1b2c3d4e5f60718293a4b5c6d7e8f90", 5));
    FileKeyStorage again = new FileKeyStorage(dir);
    assertArrayEquals(sk, again.loadStaticSecretKey().get());
    assertEquals("0123456789abcdef0123456789abcdef", again.loadInstanceId().get());
    assertEquals("Laptop", again.pairedDesktops().get(0).name);

    FileSendJournal sends = new FileSendJournal(dir);
    SendRecord r =
        SendRecord.accepted("key-0000000000000001", Arrays.asList("+1", "+2"), "ab", 1, 10);
    sends.insert(r);
    sends.update(
        r.toBuilder()
            .handedToRadio(new int[] {2, 1})
            .partState(1, SendRecord.PartState.SENT)
            .linkMessage("sms:9")
            .state(SendState.FAILED, FailureReason.NO_SERVICE, "x")
            .build());
    SendRecord back = new FileSendJournal(dir).find("key-0000000000000001").get();
    assertEquals(SendState.FAILED, back.state);
    assertEquals(FailureReason.NO_SERVICE, back.reason);
    assertArrayEquals(new int[] {2, 1}, back.partsPerRecipient());
    assertEquals(1, back.countAtLeast(SendRecord.PartState.SENT));
    assertEquals("sms:9", back.messageIds.get(0));

    FileChangeJournalStore journal = new FileChangeJournalStore(dir);
    String epoch = journal.epoch();
    for (int i = 0; i < 5; i++) journal.append(i == 3, "sms:" + i);
    journal.pruneThrough(2);
    journal.saveAck(new DesktopSyncState("aa", 4, 99));
    FileChangeJournalStore reloaded = new FileChangeJournalStore(dir);
    assertEquals(epoch, reloaded.epoch());
    assertEquals(5, reloaded.lastSeq());
    assertEquals(3, reloaded.firstSeq());
    assertTrue(reloaded.after(0, 10).get(1).deleted);
    assertEquals(4, reloaded.acks().get(0).ackedSeq);
  }
}
