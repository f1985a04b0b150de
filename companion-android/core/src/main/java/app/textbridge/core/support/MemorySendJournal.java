package app.textbridge.core.support;

import app.textbridge.core.model.SendRecord;
import app.textbridge.core.port.SendJournal;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link SendJournal} in memory; {@link #changed} is the persistence hook. Thread-safe. */
public class MemorySendJournal implements SendJournal {
  protected final Map<String, SendRecord> records = new LinkedHashMap<>();

  @Override
  public synchronized Optional<SendRecord> find(String key) {
    return Optional.ofNullable(records.get(key));
  }

  @Override
  public synchronized boolean insert(SendRecord record) throws IOException {
    if (records.containsKey(record.key)) return false;
    records.put(record.key, record);
    changed(record);
    return true;
  }

  @Override
  public synchronized void update(SendRecord record) throws IOException {
    if (!records.containsKey(record.key)) throw new IOException("unknown key");
    records.put(record.key, record);
    changed(record);
  }

  @Override
  public synchronized List<SendRecord> updatedSince(long sinceMillis) {
    List<SendRecord> out = new ArrayList<>();
    for (SendRecord r : records.values()) if (r.updatedAt >= sinceMillis) out.add(r);
    return out;
  }

  /** Called with the lock held after a record was inserted or replaced. */
  protected void changed(SendRecord record) throws IOException {}
}
