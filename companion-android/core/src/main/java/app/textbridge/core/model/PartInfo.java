package app.textbridge.core.model;

import java.util.Objects;

/** An MMS part as listed in a message (PROTOCOL.md §8 Part); bytes are fetched on demand. */
public final class PartInfo {
  /** Stable id, e.g. {@code mms:88:2} (message id and the part table's _id). */
  public final String partId;

  public final String mime;

  /** Size in bytes, or null when the provider does not know it. */
  public final Long size;

  /** File name, or null. */
  public final String name;

  public PartInfo(String partId, String mime, Long size, String name) {
    this.partId = Objects.requireNonNull(partId, "partId");
    this.mime = Objects.requireNonNull(mime, "mime");
    this.size = size;
    this.name = name;
  }
}
