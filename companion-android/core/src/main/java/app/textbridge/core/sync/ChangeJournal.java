package app.textbridge.core.sync;

import app.textbridge.core.model.DesktopSyncState;
import app.textbridge.core.model.JournalEntry;
import app.textbridge.core.port.ChangeJournalStore;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bounded change journal behind watermarks (PROTOCOL.md §9.3, §9.7). Watermarks read {@code
 * j:<epoch>:<seq>}; one from another epoch or older than the oldest entry kept asks the desktop for
 * a reset. Entries every paired desktop acknowledged are pruned, and the journal never holds more
 * than its capacity. All methods are synchronized: appends and reads are ordered.
 */
public final class ChangeJournal {
  private final ChangeJournalStore store;
  private final int capacity;
  private final String epoch;

  public ChangeJournal(ChangeJournalStore store, int capacity) throws IOException {
    this.store = store;
    this.capacity = capacity;
    this.epoch = store.epoch();
  }

  public synchronized JournalEntry append(boolean deleted, String messageId) throws IOException {
    JournalEntry e = store.append(deleted, messageId);
    long overflow = e.seq - store.firstSeq() + 1 - capacity;
    if (overflow > 0) store.pruneThrough(store.firstSeq() + overflow - 1);
    return e;
  }

  public synchronized long lastSeq() throws IOException {
    return store.lastSeq();
  }

  public synchronized List<JournalEntry> after(long seq, int limit) throws IOException {
    return store.after(seq, limit);
  }

  public String watermark(long seq) {
    return "j:" + epoch + ":" + seq;
  }

  /**
   * The seq a watermark names, or -1 when the desktop must reset: malformed, another epoch, in the
   * future, or older than what the journal still holds.
   */
  public synchronized long resume(String watermark) throws IOException {
    long seq = parse(watermark);
    if (seq < 0 || seq > store.lastSeq() || seq < store.firstSeq() - 1) return -1;
    return seq;
  }

  private long parse(String watermark) {
    String prefix = "j:" + epoch + ":";
    if (watermark == null || !watermark.startsWith(prefix)) return -1;
    String digits = watermark.substring(prefix.length());
    if (!digits.matches("(0|[1-9][0-9]{0,17})")) return -1;
    return Long.parseLong(digits);
  }

  /** Records a desktop's ack and prunes what every paired desktop has. */
  public synchronized void ack(
      String desktopKeyHex, String watermark, long now, List<String> pairedKeys)
      throws IOException {
    long seq = parse(watermark);
    if (seq < 0 || seq > store.lastSeq()) return;
    store.saveAck(new DesktopSyncState(desktopKeyHex, seq, now));
    Map<String, Long> acked = new HashMap<>();
    for (DesktopSyncState s : store.acks()) acked.put(s.desktopKeyHex, s.ackedSeq);
    long min = Long.MAX_VALUE;
    for (String key : pairedKeys) {
      Long a = acked.get(key);
      if (a == null) return;
      min = Math.min(min, a);
    }
    if (min != Long.MAX_VALUE && min >= store.firstSeq()) store.pruneThrough(min);
  }

  public synchronized DesktopSyncState lastSynced(String desktopKeyHex) throws IOException {
    for (DesktopSyncState s : store.acks()) if (s.desktopKeyHex.equals(desktopKeyHex)) return s;
    return null;
  }

  public synchronized void forget(String desktopKeyHex) throws IOException {
    store.removeAck(desktopKeyHex);
  }

  public synchronized long firstSeq() throws IOException {
    return store.firstSeq();
  }
}
