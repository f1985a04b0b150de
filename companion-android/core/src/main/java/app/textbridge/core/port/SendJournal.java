package app.textbridge.core.port;

import app.textbridge.core.model.SendRecord;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Durable record of idempotency keys (PROTOCOL.md §9.9). The core inserts a key BEFORE it calls
 * {@link SmsSender#send}; every method is durable (fsync or a committed transaction) when it
 * returns. Android: a small SQLite table keyed by {@code key}.
 */
public interface SendJournal {
  /** The record of {@code key}, if any. */
  Optional<SendRecord> find(String key) throws IOException;

  /** Inserts a new key; returns false, changing nothing, when the key already exists. */
  boolean insert(SendRecord record) throws IOException;

  /** Replaces the record with the same key. */
  void update(SendRecord record) throws IOException;

  /**
   * Records updated at or after {@code sinceMillis} (start-up recovery, linking provider rows). The
   * adapter may drop final records older than a few weeks.
   */
  List<SendRecord> updatedSince(long sinceMillis) throws IOException;
}
