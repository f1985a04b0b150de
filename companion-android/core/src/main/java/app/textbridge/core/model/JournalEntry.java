package app.textbridge.core.model;

import java.util.Objects;

/** One entry of the change journal behind sync.subscribe watermarks (§9.3). */
public final class JournalEntry {
  public final long seq;

  /** True for a deletion, false for an upsert. */
  public final boolean deleted;

  public final String messageId;

  public JournalEntry(long seq, boolean deleted, String messageId) {
    this.seq = seq;
    this.deleted = deleted;
    this.messageId = Objects.requireNonNull(messageId, "messageId");
  }
}
