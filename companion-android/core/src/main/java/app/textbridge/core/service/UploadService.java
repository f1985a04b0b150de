package app.textbridge.core.service;

import app.textbridge.core.model.Upload;
import app.textbridge.core.port.Clock;
import app.textbridge.core.port.EventLog;
import app.textbridge.core.port.UploadStore;
import app.textbridge.core.protocol.message.Message;
import app.textbridge.core.protocol.message.MessageType;
import app.textbridge.core.session.Peer;
import app.textbridge.core.session.RequestException;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.Base64;
import java.util.Optional;

/**
 * {@code attachment.upload} → {@code attachment.stored} (PROTOCOL.md §9.14), and the rules around
 * the store: a chunk is appended only where the held bytes end (any other offset is answered with
 * what is held, which is how a desktop finds where to resume); a new upload reserves its whole
 * {@code total}, so one that started can always finish, and is refused with {@code busy} when the
 * reservations would pass the bound; uploads go 24 hours after their last chunk, or when their
 * desktop is unpaired. Only the desktop that uploaded a file can name it.
 */
public final class UploadService {
  private final UploadStore store;
  private final Clock clock;
  private final EventLog log;
  private final long keepMs;
  private final long capacityBytes;
  private final int maxUploads;

  public UploadService(
      UploadStore store,
      Clock clock,
      EventLog log,
      long keepMs,
      long capacityBytes,
      int maxUploads) {
    this.store = store;
    this.clock = clock;
    this.log = log;
    this.keepMs = keepMs;
    this.capacityBytes = capacityBytes;
    this.maxUploads = maxUploads;
  }

  public synchronized Message handle(Peer peer, Message m) throws IOException, RequestException {
    JsonObject b = m.body();
    String owner = peer.desktopKeyHex();
    String id = b.get("uploadId").getAsString();
    long offset = b.get("offset").getAsLong();
    long total = b.get("total").getAsLong();
    String mime = b.get("mime").getAsString();
    Optional<Upload> held = store.find(owner, id);
    if (held.isPresent()) {
      Upload u = held.get();
      if (u.total != total || !u.mime.equals(mime)) {
        throw new RequestException(
            RequestException.Code.BAD_REQUEST, "total or mime differs from the first chunk");
      }
      if (offset != u.received) return stored(m.id, u);
      return stored(m.id, write(() -> store.append(owner, id, data(b), clock.nowMillis())));
    }
    if (offset != 0) return stored(m.id, new Upload(owner, id, total, mime, null, 0, 0));
    sweep();
    refuseWhenFull(total);
    String name = b.get("name").isJsonNull() ? null : b.get("name").getAsString();
    Upload fresh = new Upload(owner, id, total, mime, name, 0, clock.nowMillis());
    return stored(m.id, write(() -> store.begin(fresh, data(b))));
  }

  /**
   * The held upload for a send (§9.9): complete, owned by {@code owner} and of type {@code mime};
   * else empty, which fails the send with attachment_missing.
   */
  public synchronized Optional<Upload> complete(String owner, String uploadId, String mime)
      throws IOException {
    Optional<Upload> u = store.find(owner, uploadId);
    if (!u.isPresent() || !u.get().complete() || !u.get().mime.equals(mime)) {
      return Optional.empty();
    }
    return u;
  }

  /** The bytes of an upload {@link #complete} returned, or empty if it went meanwhile. */
  public synchronized Optional<byte[]> bytes(Upload u) throws IOException {
    return store.readComplete(u.owner, u.uploadId);
  }

  /** Deletes uploads whose last chunk is older than the keep time; returns how many went. */
  public synchronized int sweep() throws IOException {
    long now = clock.nowMillis();
    int gone = 0;
    for (Upload u : store.list()) {
      if (now - u.lastChunkAt > keepMs) {
        store.delete(u.owner, u.uploadId);
        gone++;
      }
    }
    if (gone > 0) log.info("upload", gone + " expired upload(s) deleted");
    return gone;
  }

  /** The desktop was unpaired: its uploads go with it. */
  public synchronized void forget(String owner) throws IOException {
    for (Upload u : store.list()) if (u.owner.equals(owner)) store.delete(u.owner, u.uploadId);
  }

  private void refuseWhenFull(long total) throws IOException, RequestException {
    long reserved = 0;
    int count = 0;
    for (Upload u : store.list()) {
      reserved += u.total;
      count++;
    }
    if (count >= maxUploads || reserved + total > capacityBytes) {
      throw new RequestException(RequestException.Code.BUSY, "upload storage is full");
    }
  }

  private interface Write {
    Upload run() throws IOException;
  }

  /** A store that cannot write now (disk full) is "try later", not a broken request. */
  private Upload write(Write w) throws RequestException {
    try {
      return w.run();
    } catch (IOException e) {
      log.warn("upload", "chunk not stored: " + e.getClass().getSimpleName());
      throw new RequestException(RequestException.Code.BUSY, "the chunk could not be stored");
    }
  }

  private static byte[] data(JsonObject b) {
    return Base64.getDecoder().decode(b.get("data").getAsString());
  }

  private static Message stored(String ref, Upload u) {
    JsonObject o = new JsonObject();
    o.addProperty("uploadId", u.uploadId);
    o.addProperty("received", u.received);
    o.addProperty("total", u.total);
    return Message.reply(MessageType.ATTACHMENT_STORED, ref, o);
  }
}
