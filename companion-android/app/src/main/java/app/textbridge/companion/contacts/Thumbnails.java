package app.textbridge.companion.contacts;

import android.content.ContentResolver;
import android.graphics.Bitmap;
import android.graphics.BitmapFactory;
import android.net.Uri;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A contact's photo as a small JPEG for contacts.batch (PROTOCOL.md §9.8: base64 of at most 32,768
 * characters, so at most 24,576 bytes). The provider's thumbnail (PHOTO_THUMBNAIL_URI, normally a
 * 96 px JPEG of a few KB) is sent as it is when it fits; anything else (a PNG from a sync adapter,
 * a large thumbnail) is scaled to 96 px and re-compressed until it fits, else dropped.
 */
final class Thumbnails {
  static final int MAX_BYTES = 24_576;
  private static final int MAX_READ = 2 * 1024 * 1024;
  private static final int EDGE = 96;

  private Thumbnails() {}

  static byte[] load(ContentResolver resolver, Uri uri) {
    byte[] raw;
    try (InputStream in = resolver.openInputStream(uri)) {
      if (in == null) {
        return null;
      }
      raw = readBounded(in);
    } catch (IOException | SecurityException e) {
      return null;
    }
    if (raw == null) {
      return null;
    }
    if (isJpeg(raw) && raw.length <= MAX_BYTES) {
      return raw;
    }
    return recompress(raw);
  }

  static boolean isJpeg(byte[] b) {
    return b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8;
  }

  private static byte[] recompress(byte[] raw) {
    BitmapFactory.Options bounds = new BitmapFactory.Options();
    bounds.inJustDecodeBounds = true;
    BitmapFactory.decodeByteArray(raw, 0, raw.length, bounds);
    if (bounds.outWidth <= 0 || bounds.outHeight <= 0) {
      return null;
    }
    BitmapFactory.Options opts = new BitmapFactory.Options();
    int largest = Math.max(bounds.outWidth, bounds.outHeight);
    opts.inSampleSize = Math.max(1, Integer.highestOneBit(largest / EDGE));
    Bitmap decoded = BitmapFactory.decodeByteArray(raw, 0, raw.length, opts);
    if (decoded == null) {
      return null;
    }
    float scale = Math.min(1f, (float) EDGE / Math.max(decoded.getWidth(), decoded.getHeight()));
    Bitmap small =
        scale < 1f
            ? Bitmap.createScaledBitmap(
                decoded,
                Math.max(1, Math.round(decoded.getWidth() * scale)),
                Math.max(1, Math.round(decoded.getHeight() * scale)),
                true)
            : decoded;
    try {
      for (int quality : new int[] {85, 70, 50, 30}) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (small.compress(Bitmap.CompressFormat.JPEG, quality, out)
            && out.size() <= MAX_BYTES
            && out.size() > 0) {
          return out.toByteArray();
        }
      }
      return null;
    } finally {
      if (small != decoded) {
        small.recycle();
      }
      decoded.recycle();
    }
  }

  private static byte[] readBounded(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    int n;
    while ((n = in.read(buf)) > 0) {
      out.write(buf, 0, n);
      if (out.size() > MAX_READ) {
        return null;
      }
    }
    return out.size() == 0 ? null : out.toByteArray();
  }
}
