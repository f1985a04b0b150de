package app.textbridge.companion.scan;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.junit.Test;

/** Plain JVM test: the decoder uses zxing only, so camera frames are simulated as Y planes. */
public class QrFrameDecoderTest {
  // The shape of PROTOCOL.md section 4 (base64url id 22 chars, key and secret 43 chars).
  private static final String PAIRING =
      "textbridge:pair?v=1&id=q2Zx9mW1cE4rT7yU0iO3pA"
          + "&pk=Hk3_9bQeL0w2xYzR8tUvA1sDfG4hJ6kL7mN9pQrStUv"
          + "&s=aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5bC7dE9f&exp=1767225600&name=Office%20PC";

  private static final int WIDTH = 640;
  private static final int HEIGHT = 480;

  /** Camera rows are often padded past the image width. */
  private static final int ROW_STRIDE = 704;

  /** A Y plane with the QR drawn at (left, top): dark modules 30, light 220, like a real frame. */
  private static byte[] frameWith(String text, int left, int top, boolean inverted)
      throws WriterException {
    Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
    hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
    hints.put(EncodeHintType.MARGIN, 4);
    BitMatrix qr = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 400, 400, hints);
    byte dark = (byte) (inverted ? 220 : 30);
    byte light = (byte) (inverted ? 30 : 220);
    // Short last row, as Image.Plane buffers are: rowStride * (height - 1) + width bytes.
    byte[] frame = new byte[ROW_STRIDE * (HEIGHT - 1) + WIDTH];
    Arrays.fill(frame, light);
    for (int y = 0; y < qr.getHeight(); y++) {
      for (int x = 0; x < qr.getWidth(); x++) {
        frame[(top + y) * ROW_STRIDE + left + x] = qr.get(x, y) ? dark : light;
      }
    }
    return frame;
  }

  @Test
  public void readsAPairingCodeFromAPaddedCameraFrame() throws WriterException {
    byte[] frame = frameWith(PAIRING, 120, 40, false);
    assertEquals(PAIRING, new QrFrameDecoder().decode(frame, WIDTH, HEIGHT, ROW_STRIDE));
  }

  @Test
  public void rejectsAQrCodeThatIsNotATextbridgePairingCode() throws WriterException {
    QrFrameDecoder decoder = new QrFrameDecoder();
    assertNull(
        decoder.decode(
            frameWith("https://example.com/pair?v=1", 120, 40, false), WIDTH, HEIGHT, ROW_STRIDE));
    assertNull(
        decoder.decode(
            frameWith("textbridge:unpair?v=1", 120, 40, false), WIDTH, HEIGHT, ROW_STRIDE));
  }

  @Test
  public void rejectsAPairingCodeLongerThanTheProtocolAllows() {
    char[] padding = new char[QrFrameDecoder.MAX_LENGTH];
    Arrays.fill(padding, 'x');
    assertNull(QrFrameDecoder.accept(PAIRING + "&junk=" + new String(padding)));
    assertEquals(PAIRING, QrFrameDecoder.accept(PAIRING));
  }

  @Test
  public void aFrameWithoutACodeYieldsNothing() {
    byte[] blank = new byte[ROW_STRIDE * HEIGHT];
    Arrays.fill(blank, (byte) 128);
    assertNull(new QrFrameDecoder().decode(blank, WIDTH, HEIGHT, ROW_STRIDE));
  }

  @Test
  public void readsALightOnDarkCodeWithinTwoFrames() throws WriterException {
    byte[] frame = frameWith(PAIRING, 200, 60, true);
    QrFrameDecoder decoder = new QrFrameDecoder();
    String first = decoder.decode(frame, WIDTH, HEIGHT, ROW_STRIDE);
    String second = decoder.decode(frame, WIDTH, HEIGHT, ROW_STRIDE);
    assertEquals(PAIRING, first != null ? first : second);
  }

  @Test(expected = IllegalArgumentException.class)
  public void refusesABufferTooSmallForTheFrame() {
    new QrFrameDecoder().decode(new byte[WIDTH * 10], WIDTH, HEIGHT, ROW_STRIDE);
  }
}
