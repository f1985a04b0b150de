package app.textbridge.core.model;

import java.util.Objects;

/** A slice of an attachment's bytes, answered for {@code attachment.request} (§9.10). */
public final class PartData {
  public final String mime;

  /** The part's full size in bytes. */
  public final long total;

  /** Bytes starting at the requested offset; fewer than asked only at the end of the part. */
  public final byte[] bytes;

  public PartData(String mime, long total, byte[] bytes) {
    this.mime = Objects.requireNonNull(mime, "mime");
    this.total = total;
    this.bytes = Objects.requireNonNull(bytes, "bytes");
  }
}
