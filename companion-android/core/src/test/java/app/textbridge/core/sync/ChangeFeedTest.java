package app.textbridge.core.sync;

import static app.textbridge.core.sync.SyncPagingTest.sms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.textbridge.core.model.StoreChange;
import app.textbridge.core.protocol.message.Message;
import app.textbridge.core.protocol.message.MessageType;
import app.textbridge.core.support.InMemoryChangeJournalStore;
import app.textbridge.core.support.MemorySmsStore;
import app.textbridge.core.testutil.RecordingPeer;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** sync.subscribe watermarks, reset, live pushes and ack pruning (§9.3, §9.5–§9.7). */
class ChangeFeedTest {
  private final MemorySmsStore store = new MemorySmsStore();
  private final InMemoryChangeJournalStore journalStore = new InMemoryChangeJournalStore();

  private ChangeFeed feed(ChangeJournal journal) {
    return new ChangeFeed(
        store, journal, id -> id.equals("sms:2") ? "key-of-two-0000000" : null, 1 << 22);
  }

  private void add(ChangeFeed feed, long n) throws Exception {
    store.load(sms(n, 1, 1_700_000_000_000L + n, "body " + n));
    feed.publish(StoreChange.added(store.get("sms:" + n).get()));
  }

  private static String watermark(Message m) {
    return m.body().get("watermark").getAsString();
  }

  @Test
  void nullWatermarkGetsOneEmptyPageThenLivePushes() throws Exception {
    ChangeJournal journal = new ChangeJournal(journalStore, 1000);
    ChangeFeed feed = feed(journal);
    add(feed, 1);
    RecordingPeer peer = new RecordingPeer("aa");
    feed.subscribe(peer, "s1", null);
    assertEquals(1, peer.sent.size());
    Message page = peer.sent.get(0);
    assertEquals(MessageType.SYNC_CHANGES, page.type);
    assertEquals("s1", page.ref);
    assertEquals(0, page.body().getAsJsonArray("changes").size());
    add(feed, 2);
    store.delete("sms:1");
    feed.publish(StoreChange.deleted("sms:1"));
    assertEquals(MessageType.MESSAGE_NEW, peer.sent.get(1).type);
    assertEquals(
        "key-of-two-0000000",
        peer.sent.get(1).body().getAsJsonObject("message").get("sendKey").getAsString());
    assertEquals(MessageType.MESSAGE_DELETED, peer.sent.get(2).type);
    assertTrue(journal.resume(watermark(peer.sent.get(2))) > journal.resume(watermark(page)));
  }

  @Test
  void watermarkReplaysWhatChangedSinceInPages() throws Exception {
    ChangeJournal journal = new ChangeJournal(journalStore, 100_000);
    ChangeFeed feed = feed(journal);
    RecordingPeer first = new RecordingPeer("aa");
    feed.subscribe(first, "s1", null);
    String mark = watermark(first.sent.get(0));
    for (long n = 1; n <= 2500; n++) add(feed, n);
    store.delete("sms:7");
    feed.publish(StoreChange.deleted("sms:7"));
    RecordingPeer peer = new RecordingPeer("aa");
    feed.subscribe(peer, "s2", mark);
    List<String> upserts = new ArrayList<>();
    List<String> deletes = new ArrayList<>();
    for (int i = 0; i < peer.sent.size(); i++) {
      JsonObject b = peer.sent.get(i).body();
      assertEquals(i < peer.sent.size() - 1, b.get("more").getAsBoolean());
      assertFalse(b.get("reset").getAsBoolean());
      assertTrue(b.getAsJsonArray("changes").size() <= 1000);
      for (JsonElement c : b.getAsJsonArray("changes")) {
        JsonObject o = c.getAsJsonObject();
        if (o.get("op").getAsString().equals("upsert")) {
          upserts.add(o.getAsJsonObject("message").get("id").getAsString());
        } else {
          deletes.add(o.get("id").getAsString());
        }
      }
    }
    assertEquals(3, peer.sent.size());
    assertEquals(2499, upserts.size());
    assertTrue(deletes.contains("sms:7"));
    assertEquals(journal.watermark(journal.lastSeq()), watermark(peer.sent.get(2)));
  }

  @Test
  void watermarkOlderThanTheJournalAsksForAReset() throws Exception {
    ChangeJournal journal = new ChangeJournal(journalStore, 10);
    ChangeFeed feed = feed(journal);
    RecordingPeer first = new RecordingPeer("aa");
    feed.subscribe(first, "s1", null);
    String mark = watermark(first.sent.get(0));
    for (long n = 1; n <= 20; n++) add(feed, n);
    RecordingPeer peer = new RecordingPeer("aa");
    feed.subscribe(peer, "s2", mark);
    assertEquals(1, peer.sent.size());
    assertTrue(peer.sent.get(0).body().get("reset").getAsBoolean());
    RecordingPeer foreign = new RecordingPeer("aa");
    feed.subscribe(foreign, "s3", "j:00000000:3");
    assertTrue(foreign.sent.get(0).body().get("reset").getAsBoolean());
  }

  @Test
  void acksFromEveryPairedDesktopPruneTheJournal() throws Exception {
    ChangeJournal journal = new ChangeJournal(journalStore, 1000);
    ChangeFeed feed = feed(journal);
    for (long n = 1; n <= 10; n++) add(feed, n);
    List<String> paired = Arrays.asList("aa", "bb");
    journal.ack("aa", journal.watermark(8), 111, paired);
    assertEquals(1, journal.firstSeq(), "bb has not acked: nothing pruned");
    journal.ack("bb", journal.watermark(5), 222, paired);
    assertEquals(6, journal.firstSeq());
    assertEquals(8, journal.lastSynced("aa").ackedSeq);
    assertEquals(222, journal.lastSynced("bb").ackedAt);
  }
}
