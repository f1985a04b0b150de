package app.textbridge.companion.scan;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Finds a Textbridge pairing QR code in one camera frame. Input is the Y (luminance) plane of a
 * YUV_420_888 image, which is all a QR decoder needs; QR codes read at any rotation, so frames are
 * not rotated to the display.
 *
 * <p>Only a cheap filter happens here: the text must start with {@code textbridge:pair?} and be at
 * most 512 characters (PROTOCOL.md section 4). The full validation is the core's QR parser. Not
 * thread-safe: one decoder per camera thread.
 */
final class QrFrameDecoder {
  static final String PREFIX = "textbridge:pair?";
  static final int MAX_LENGTH = 512;

  private final QRCodeReader reader = new QRCodeReader();
  private final Map<DecodeHintType, Object> hints;
  private long frames;

  QrFrameDecoder() {
    Map<DecodeHintType, Object> map = new EnumMap<>(DecodeHintType.class);
    map.put(DecodeHintType.POSSIBLE_FORMATS, Collections.singletonList(BarcodeFormat.QR_CODE));
    map.put(DecodeHintType.CHARACTER_SET, "UTF-8");
    hints = Collections.unmodifiableMap(map);
  }

  /**
   * @param luminance the Y plane, {@code rowStride} bytes per row (pixel stride 1, as YUV_420_888
   *     guarantees for Y); may be shorter than rowStride * height by the last row's padding
   * @return the QR text if this frame holds a Textbridge pairing code, else null
   */
  String decode(byte[] luminance, int width, int height, int rowStride) {
    if (width <= 0
        || height <= 0
        || rowStride < width
        || luminance.length < (long) rowStride * (height - 1) + width) {
      throw new IllegalArgumentException(
          "Frame of "
              + luminance.length
              + " bytes does not hold "
              + width
              + "x"
              + height
              + " at row stride "
              + rowStride);
    }
    // The source only reads within each row's first `width` bytes, so a short last row is fine.
    LuminanceSource source =
        new PlanarYUVLuminanceSource(luminance, rowStride, height, 0, 0, width, height, false);
    String text = decodeOnce(source);
    // Every other frame also tries the inverted image: a desktop in dark mode may draw
    // light modules on a dark background, which the plain decoder cannot see.
    if (text == null && (frames++ & 1) == 1) {
      text = decodeOnce(source.invert());
    }
    return accept(text);
  }

  static String accept(String text) {
    if (text == null || text.length() > MAX_LENGTH || !text.startsWith(PREFIX)) {
      return null;
    }
    return text;
  }

  private String decodeOnce(LuminanceSource source) {
    try {
      Result result = reader.decode(new BinaryBitmap(new HybridBinarizer(source)), hints);
      return result.getText();
    } catch (NotFoundException | ChecksumException | FormatException e) {
      return null; // No readable QR code in this frame: the normal case, try the next one.
    } finally {
      reader.reset();
    }
  }
}
