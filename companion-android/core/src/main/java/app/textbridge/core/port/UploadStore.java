package app.textbridge.core.port;

import app.textbridge.core.model.Upload;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the files desktops upload for outgoing MMS (PROTOCOL.md §9.14), keyed by (owner, uploadId),
 * where the owner is the desktop's key. The core decides everything about them (offsets, limits,
 * expiry, unpair): the store only holds bytes and metadata, and only ever appends. Losing an upload
 * is harmless (the desktop hears where to resume), so writes need not be synced.
 *
 * <p>Android: one data file and one metadata file per upload under no-backup storage, named by an
 * opaque digest of the pair rather than the desktop's id; unreadable leftovers are swept when the
 * store opens.
 */
public interface UploadStore {
  /** Every upload held, complete or not (the core keeps their number small). */
  List<Upload> list() throws IOException;

  Optional<Upload> find(String owner, String uploadId) throws IOException;

  /** Starts {@code meta} (received 0) with its first chunk; replaces any leftover of the pair. */
  Upload begin(Upload meta, byte[] firstChunk) throws IOException;

  /** Appends after the bytes held (the core checked the offset) and records when. */
  Upload append(String owner, String uploadId, byte[] chunk, long now) throws IOException;

  /** Every byte of a complete upload; empty when it is missing or incomplete. */
  Optional<byte[]> readComplete(String owner, String uploadId) throws IOException;

  /** Deletes one upload; nothing happens when it is not held. */
  void delete(String owner, String uploadId) throws IOException;
}
