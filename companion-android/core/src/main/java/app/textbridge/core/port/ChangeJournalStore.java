package app.textbridge.core.port;

import app.textbridge.core.model.DesktopSyncState;
import app.textbridge.core.model.JournalEntry;
import java.io.IOException;
import java.util.List;

/**
 * Durable storage of the change journal behind {@code sync.subscribe} watermarks (§9.3) and of what
 * each desktop acknowledged (§9.7). The core bounds its size and prunes it. Android: a SQLite table
 * with an integer primary key.
 */
public interface ChangeJournalStore {
  /**
   * A random id of this journal, created with it (empty journal); watermarks carry it so that a
   * watermark from a lost or rebuilt journal is recognised as too old.
   */
  String epoch() throws IOException;

  /** Appends an entry; its seq is one more than the last one ever appended (starting at 1). */
  JournalEntry append(boolean deleted, String messageId) throws IOException;

  /** The last seq ever appended (0 when none), pruned or not. */
  long lastSeq() throws IOException;

  /** The smallest seq still held, or {@code lastSeq() + 1} when the journal holds nothing. */
  long firstSeq() throws IOException;

  /** Up to {@code limit} entries with seq greater than {@code afterSeq}, in seq order. */
  List<JournalEntry> after(long afterSeq, int limit) throws IOException;

  /** Drops every entry with seq at most {@code seq}. */
  void pruneThrough(long seq) throws IOException;

  /** Records what a desktop acknowledged. */
  void saveAck(DesktopSyncState state) throws IOException;

  /** Forgets a desktop's acknowledgements (it was unpaired). */
  void removeAck(String desktopKeyHex) throws IOException;

  List<DesktopSyncState> acks() throws IOException;
}
