package app.textbridge.companion.provider;

import android.content.ContentResolver;
import android.database.Cursor;
import android.database.SQLException;
import android.os.ParcelFileDescriptor;
import app.textbridge.core.model.PartData;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Slices of one MMS part for {@code attachment.request} (PROTOCOL.md §9.10), read through the
 * part's content URI ({@code content://mms/part/<id>}): never through the _data path, which apps
 * cannot open. The part must belong to the message its id names. The provider hands out a real file
 * descriptor, so a chunk seeks straight to its offset; if it hands out a pipe (size unknown), the
 * stream is skipped and counted instead.
 */
final class PartReader {
  private final ContentResolver resolver;
  private final Schema schema;

  PartReader(ContentResolver resolver, Schema schema) {
    this.resolver = resolver;
    this.schema = schema;
  }

  Optional<PartData> read(String partId, long offset, int length) throws ProviderException {
    long[] ids = parse(partId);
    if (ids == null || offset < 0 || length < 0) {
      return Optional.empty();
    }
    String[] projection =
        schema.has(schema.part(), Telephony2.PART_TEXT)
            ? new String[] {Telephony2.PART_CT, Telephony2.PART_TEXT}
            : new String[] {Telephony2.PART_CT};
    String mime;
    String text;
    try (Cursor c =
        resolver.query(
            Telephony2.MMS_PART,
            projection,
            Telephony2.ID + " = ? AND " + Telephony2.PART_MID + " = ?",
            new String[] {Long.toString(ids[1]), Long.toString(ids[0])},
            null)) {
      if (c == null || !c.moveToFirst()) {
        return Optional.empty();
      }
      Row r = new Row(c, Telephony2.PART_CT, Telephony2.PART_TEXT);
      mime = MmsParts.mime(r.getString(Telephony2.PART_CT), null);
      text = r.getString(Telephony2.PART_TEXT);
    } catch (SQLException | IllegalArgumentException e) {
      throw new ProviderException("mms part lookup failed", e);
    } catch (SecurityException e) {
      throw new ProviderException("not allowed to read mms parts", e);
    }
    if (text != null) {
      byte[] all = text.getBytes(StandardCharsets.UTF_8);
      return Optional.of(slice(mime, all, offset, length));
    }
    try {
      return Optional.of(fromFile(ids[1], mime, offset, length));
    } catch (FileNotFoundException | SecurityException e) {
      return Optional.empty(); // a part row whose file is gone: not_found, not an error
    } catch (IOException e) {
      throw new ProviderException("mms part read failed", e);
    }
  }

  /** "mms:<msg>:<part>" → {msg, part}, or null for anything else. */
  static long[] parse(String partId) {
    String[] p = partId.split(":", -1);
    if (p.length != 3
        || !p[0].equals("mms")
        || !p[1].matches("[0-9]{1,18}")
        || !p[2].matches("[0-9]{1,18}")) {
      return null;
    }
    return new long[] {Long.parseLong(p[1]), Long.parseLong(p[2])};
  }

  private PartData fromFile(long partId, String mime, long offset, int length) throws IOException {
    try (ParcelFileDescriptor pfd = resolver.openFileDescriptor(Telephony2.mmsPart(partId), "r")) {
      if (pfd == null) {
        throw new FileNotFoundException("no descriptor");
      }
      long size = pfd.getStatSize();
      if (size >= 0) {
        try (FileInputStream in = new FileInputStream(pfd.getFileDescriptor())) {
          FileChannel ch = in.getChannel();
          int want = (int) Math.max(0, Math.min(length, size - offset));
          ByteBuffer buf = ByteBuffer.allocate(want);
          long at = offset;
          while (buf.hasRemaining()) {
            int n = ch.read(buf, at);
            if (n < 0) {
              break;
            }
            at += n;
          }
          return new PartData(mime, size, Arrays.copyOf(buf.array(), buf.position()));
        }
      }
    }
    return fromStream(partId, mime, offset, length);
  }

  private PartData fromStream(long partId, String mime, long offset, int length)
      throws IOException {
    try (InputStream in = resolver.openInputStream(Telephony2.mmsPart(partId))) {
      if (in == null) {
        throw new FileNotFoundException("no stream");
      }
      long total = 0;
      byte[] out = new byte[length];
      int filled = 0;
      byte[] buf = new byte[16 * 1024];
      int n;
      while ((n = in.read(buf)) > 0) {
        long start = Math.max(offset, total);
        long end = Math.min(offset + length, total + n);
        if (end > start) {
          System.arraycopy(
              buf, (int) (start - total), out, (int) (start - offset), (int) (end - start));
          filled = (int) Math.max(filled, end - offset);
        }
        total += n;
      }
      return new PartData(mime, total, Arrays.copyOf(out, filled));
    }
  }

  private static PartData slice(String mime, byte[] all, long offset, int length) {
    int from = (int) Math.min(offset, all.length);
    int to = (int) Math.min((long) from + length, all.length);
    return new PartData(mime, all.length, Arrays.copyOfRange(all, from, to));
  }
}
