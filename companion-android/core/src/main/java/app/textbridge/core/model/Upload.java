package app.textbridge.core.model;

import java.util.Objects;

/**
 * What the phone holds of one file a desktop uploads for an outgoing MMS (PROTOCOL.md §9.14): the
 * first chunk's total, type and name, how many bytes from the start have arrived, and when the last
 * chunk did. Uploads belong to the desktop that made them ({@link #owner}). Immutable.
 */
public final class Upload {
  /** Hex of the uploading desktop's static public key. */
  public final String owner;

  public final String uploadId;
  public final long total;
  public final String mime;

  /** The first chunk's file name, or null. */
  public final String name;

  public final long received;
  public final long lastChunkAt;

  public Upload(
      String owner,
      String uploadId,
      long total,
      String mime,
      String name,
      long received,
      long lastChunkAt) {
    this.owner = Objects.requireNonNull(owner, "owner");
    this.uploadId = Objects.requireNonNull(uploadId, "uploadId");
    this.total = total;
    this.mime = Objects.requireNonNull(mime, "mime");
    this.name = name;
    this.received = received;
    this.lastChunkAt = lastChunkAt;
  }

  public boolean complete() {
    return received == total;
  }

  /** The same upload after {@code length} more bytes arrived at {@code at}. */
  public Upload grown(long length, long at) {
    return new Upload(owner, uploadId, total, mime, name, received + length, at);
  }
}
