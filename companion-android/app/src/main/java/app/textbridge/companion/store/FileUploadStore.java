package app.textbridge.companion.store;

import app.textbridge.core.crypto.Bytes;
import app.textbridge.core.crypto.Primitives;
import app.textbridge.core.model.Upload;
import app.textbridge.core.port.EventLog;
import app.textbridge.core.port.UploadStore;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The core's {@link UploadStore} in files (PORTS.md UploadStore): {@code <name>.data} holds the
 * bytes received so far (append only, so its length is what is held) and {@code <name>.meta} the
 * first chunk's total, type and name, the owner and the time of the last chunk. The name is a
 * digest of (desktop, uploadId): nothing on disk says which computer uploaded what. Opening the
 * folder deletes leftovers of a crash (a data file without metadata, a half-written metadata file,
 * more bytes than the total); the core deletes what expired. The folder lives in no-backup storage
 * with the rest of the companion's state. Thread-safe.
 */
public final class FileUploadStore implements UploadStore {
  public static final String FOLDER = "uploads";
  private static final String DATA = ".data";
  private static final String META = ".meta";
  private static final String TMP = ".tmp";
  private final File dir;
  private final EventLog log;

  public FileUploadStore(File dir, EventLog log) throws IOException {
    this.dir = dir;
    this.log = log;
    if (!dir.isDirectory() && !dir.mkdirs()) {
      throw new StoreException("upload folder cannot be made", null);
    }
    int swept = sweepLeftovers();
    if (swept > 0) {
      log.info("upload", swept + " unusable upload file(s) deleted");
    }
  }

  static String nameOf(String owner, String uploadId) {
    byte[] d = Primitives.hash(Bytes.utf8(owner), new byte[] {0}, Bytes.utf8(uploadId));
    return Bytes.hex(d).substring(0, 40);
  }

  @Override
  public synchronized List<Upload> list() {
    List<Upload> out = new ArrayList<>();
    File[] metas = dir.listFiles((d, n) -> n.endsWith(META));
    if (metas == null) {
      return out;
    }
    for (File m : metas) {
      Upload u = read(m.getName().substring(0, m.getName().length() - META.length()));
      if (u != null) {
        out.add(u);
      }
    }
    return out;
  }

  @Override
  public synchronized Optional<Upload> find(String owner, String uploadId) {
    Upload u = read(nameOf(owner, uploadId));
    return u != null && u.owner.equals(owner) && u.uploadId.equals(uploadId)
        ? Optional.of(u)
        : Optional.<Upload>empty();
  }

  @Override
  public synchronized Upload begin(Upload meta, byte[] firstChunk) throws IOException {
    String name = nameOf(meta.owner, meta.uploadId);
    delete(name);
    // Data first: a crash between the two leaves data without metadata, which the next open drops.
    try (OutputStream out = new FileOutputStream(file(name, DATA))) {
      out.write(firstChunk);
    }
    writeMeta(name, meta);
    return meta.grown(firstChunk.length, meta.lastChunkAt);
  }

  @Override
  public synchronized Upload append(String owner, String uploadId, byte[] chunk, long now)
      throws IOException {
    String name = nameOf(owner, uploadId);
    Upload held = read(name);
    if (held == null) {
      throw new StoreException("no such upload", null);
    }
    try (OutputStream out = new FileOutputStream(file(name, DATA), true)) {
      out.write(chunk);
    }
    Upload grown = held.grown(chunk.length, now);
    writeMeta(name, grown);
    return grown;
  }

  @Override
  public synchronized Optional<byte[]> readComplete(String owner, String uploadId)
      throws IOException {
    Optional<Upload> u = find(owner, uploadId);
    if (!u.isPresent() || !u.get().complete()) {
      return Optional.empty();
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) u.get().total);
    try (InputStream in = new FileInputStream(file(nameOf(owner, uploadId), DATA))) {
      byte[] buf = new byte[64 * 1024];
      for (int n; (n = in.read(buf)) > 0; ) {
        bytes.write(buf, 0, n);
      }
    }
    if (bytes.size() != u.get().total) {
      return Optional.empty(); // changed underneath us
    }
    return Optional.of(bytes.toByteArray());
  }

  @Override
  public synchronized void delete(String owner, String uploadId) {
    delete(nameOf(owner, uploadId));
  }

  private void delete(String name) {
    file(name, META).delete();
    file(name, DATA).delete();
    file(name, META + TMP).delete();
  }

  private File file(String name, String suffix) {
    return new File(dir, name + suffix);
  }

  /** The upload stored under {@code name}, or null when its files are missing or unreadable. */
  private Upload read(String name) {
    File meta = file(name, META);
    File data = file(name, DATA);
    if (!meta.isFile() || !data.isFile()) {
      return null;
    }
    try (InputStream in = new FileInputStream(meta)) {
      ByteArrayOutputStream text = new ByteArrayOutputStream();
      byte[] buf = new byte[4096];
      for (int n; (n = in.read(buf)) > 0; ) {
        text.write(buf, 0, n);
      }
      JsonObject o =
          JsonParser.parseString(new String(text.toByteArray(), StandardCharsets.UTF_8))
              .getAsJsonObject();
      Upload u =
          new Upload(
              o.get("owner").getAsString(),
              o.get("uploadId").getAsString(),
              o.get("total").getAsLong(),
              o.get("mime").getAsString(),
              o.get("name").isJsonNull() ? null : o.get("name").getAsString(),
              data.length(),
              o.get("lastChunkAt").getAsLong());
      return u.received <= u.total ? u : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private void writeMeta(String name, Upload u) throws IOException {
    JsonObject o = new JsonObject();
    o.addProperty("owner", u.owner);
    o.addProperty("uploadId", u.uploadId);
    o.addProperty("total", u.total);
    o.addProperty("mime", u.mime);
    o.addProperty("name", u.name);
    o.addProperty("lastChunkAt", u.lastChunkAt);
    File tmp = file(name, META + TMP);
    try (OutputStream out = new FileOutputStream(tmp)) {
      out.write(o.toString().getBytes(StandardCharsets.UTF_8));
    }
    if (!tmp.renameTo(file(name, META))) {
      tmp.delete();
      throw new StoreException("upload metadata not written", null);
    }
  }

  private int sweepLeftovers() {
    File[] all = dir.listFiles();
    if (all == null) {
      return 0;
    }
    int gone = 0;
    for (File f : all) {
      String n = f.getName();
      int dot = n.indexOf('.');
      String name = dot < 0 ? n : n.substring(0, dot);
      boolean keep =
          (n.endsWith(META) || n.endsWith(DATA)) && !n.endsWith(TMP) && read(name) != null;
      if (!keep && f.delete()) {
        gone++;
      }
    }
    return gone;
  }
}
