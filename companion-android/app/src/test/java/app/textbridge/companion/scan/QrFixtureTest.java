package app.textbridge.companion.scan;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import app.textbridge.core.protocol.QrPayload;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.Test;

/**
 * The QR code the desktop draws (its own qrcode library, committed as a PNG) read by the phone's
 * decoder and accepted by the core's parser at the fixture's time. Plain JVM: the decoder uses
 * zxing only.
 */
public class QrFixtureTest {
  private static String resource(String name) throws Exception {
    try (InputStream in = QrFixtureTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    }
  }

  /** The PNG as a camera's Y plane: one luminance byte per pixel, rows padded as cameras do. */
  private static String decodeFixture() throws Exception {
    BufferedImage image;
    try (InputStream in = QrFixtureTest.class.getResourceAsStream("/qr/desktop-qr.png")) {
      image = ImageIO.read(in);
    }
    int w = image.getWidth();
    int h = image.getHeight();
    int stride = w + 32;
    byte[] y = new byte[stride * (h - 1) + w];
    for (int row = 0; row < h; row++) {
      for (int col = 0; col < w; col++) {
        int rgb = image.getRGB(col, row);
        int lum =
            (299 * ((rgb >> 16) & 0xff) + 587 * ((rgb >> 8) & 0xff) + 114 * (rgb & 0xff)) / 1000;
        y[row * stride + col] = (byte) lum;
      }
    }
    return new QrFrameDecoder().decode(y, w, h, stride);
  }

  @Test
  public void theDesktopsQrDecodesToItsPayloadAndTheCoreAcceptsIt() throws Exception {
    String expected = resource("/qr/desktop-qr.txt");
    String text = decodeFixture();
    assertEquals(expected, text);
    QrPayload p = QrPayload.parse(text, 1_700_000_000L);
    assertEquals(1_700_000_120L, p.expiresAt);
    assertEquals("Ada’s laptop", p.name);
    assertEquals(16, p.pairingId().length);
    assertArrayEquals(p.desktopStatic(), QrPayload.parse(text, 1_700_000_000L).desktopStatic());
  }
}
