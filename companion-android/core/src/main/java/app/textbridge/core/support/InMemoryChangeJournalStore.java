package app.textbridge.core.support;

import app.textbridge.core.crypto.Bytes;
import app.textbridge.core.crypto.Nacl;
import app.textbridge.core.model.DesktopSyncState;
import app.textbridge.core.model.JournalEntry;
import app.textbridge.core.port.ChangeJournalStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link ChangeJournalStore} in memory (tests; the runner persists it through a subclass hook).
 * Thread-safe.
 */
public class InMemoryChangeJournalStore implements ChangeJournalStore {
  protected String epoch;
  protected long lastSeq;
  protected final ArrayDeque<JournalEntry> entries = new ArrayDeque<>();
  protected final Map<String, DesktopSyncState> acks = new LinkedHashMap<>();

  public InMemoryChangeJournalStore() {
    this.epoch = Bytes.hex(Nacl.randomBytes(4));
  }

  @Override
  public synchronized String epoch() {
    return epoch;
  }

  @Override
  public synchronized JournalEntry append(boolean deleted, String messageId) {
    JournalEntry e = new JournalEntry(++lastSeq, deleted, messageId);
    entries.addLast(e);
    changed();
    return e;
  }

  @Override
  public synchronized long lastSeq() {
    return lastSeq;
  }

  @Override
  public synchronized long firstSeq() {
    return entries.isEmpty() ? lastSeq + 1 : entries.peekFirst().seq;
  }

  @Override
  public synchronized List<JournalEntry> after(long afterSeq, int limit) {
    List<JournalEntry> out = new ArrayList<>();
    for (Iterator<JournalEntry> it = entries.iterator(); it.hasNext() && out.size() < limit; ) {
      JournalEntry e = it.next();
      if (e.seq > afterSeq) out.add(e);
    }
    return out;
  }

  @Override
  public synchronized void pruneThrough(long seq) {
    while (!entries.isEmpty() && entries.peekFirst().seq <= seq) entries.removeFirst();
    changed();
  }

  @Override
  public synchronized void saveAck(DesktopSyncState state) {
    acks.put(state.desktopKeyHex, state);
    changed();
  }

  @Override
  public synchronized void removeAck(String desktopKeyHex) {
    acks.remove(desktopKeyHex);
    changed();
  }

  @Override
  public synchronized List<DesktopSyncState> acks() {
    return new ArrayList<>(acks.values());
  }

  /** Hook for persistent subclasses; called with the lock held after every change. */
  protected void changed() {}
}
