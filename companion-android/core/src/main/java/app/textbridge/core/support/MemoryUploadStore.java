package app.textbridge.core.support;

import app.textbridge.core.model.Upload;
import app.textbridge.core.port.UploadStore;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An {@link UploadStore} in memory, for the JVM runner and tests. Thread-safe. */
public final class MemoryUploadStore implements UploadStore {
  private final Map<String, Upload> meta = new LinkedHashMap<>();
  private final Map<String, ByteArrayOutputStream> data = new LinkedHashMap<>();

  private static String slot(String owner, String uploadId) {
    return owner + "/" + uploadId;
  }

  @Override
  public synchronized List<Upload> list() {
    return new ArrayList<>(meta.values());
  }

  @Override
  public synchronized Optional<Upload> find(String owner, String uploadId) {
    return Optional.ofNullable(meta.get(slot(owner, uploadId)));
  }

  @Override
  public synchronized Upload begin(Upload m, byte[] firstChunk) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(firstChunk, 0, firstChunk.length);
    Upload held = m.grown(firstChunk.length, m.lastChunkAt);
    meta.put(slot(m.owner, m.uploadId), held);
    data.put(slot(m.owner, m.uploadId), bytes);
    return held;
  }

  @Override
  public synchronized Upload append(String owner, String uploadId, byte[] chunk, long now) {
    String s = slot(owner, uploadId);
    Upload held = meta.get(s);
    if (held == null) throw new IllegalStateException("no such upload");
    data.get(s).write(chunk, 0, chunk.length);
    Upload grown = held.grown(chunk.length, now);
    meta.put(s, grown);
    return grown;
  }

  @Override
  public synchronized Optional<byte[]> readComplete(String owner, String uploadId) {
    Upload held = meta.get(slot(owner, uploadId));
    if (held == null || !held.complete()) return Optional.empty();
    return Optional.of(data.get(slot(owner, uploadId)).toByteArray());
  }

  @Override
  public synchronized void delete(String owner, String uploadId) {
    meta.remove(slot(owner, uploadId));
    data.remove(slot(owner, uploadId));
  }
}
