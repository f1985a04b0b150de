package app.textbridge.companion;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import app.textbridge.companion.engine.EngineOptions;
import app.textbridge.companion.keys.SoftwareCipher;
import app.textbridge.core.protocol.QrPayload;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import javax.imageio.ImageIO;

/**
 * The QR code the desktop draws (its own qrcode library, committed as a PNG) read by the phone's
 * decoder and accepted by the core's parser at the fixture's time; the engine's answers in words.
 */
@RunWith(RobolectricTestRunner.class)
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
                int lum = (299 * ((rgb >> 16) & 0xff) + 587 * ((rgb >> 8) & 0xff) + 114 * (rgb & 0xff)) / 1000;
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

    @Test
    public void theEngineAnswersEachScanInPlainWords() throws Exception {
        AtomicLong now = new AtomicLong(1_700_000_000_000L);
        EngineOptions options = new EngineOptions();
        options.clock = now::get;
        options.cipher = new SoftwareCipher();
        CoreEngine engine = new CoreEngine(RuntimeEnvironment.getApplication(), options);
        String text = decodeFixture();

        assertEquals(MirrorEngine.ScanResult.WAITING_FOR_COMPUTER, engine.onPairingCode(text));
        assertEquals(R.string.scanner_found, MainActivity.scanMessage(MirrorEngine.ScanResult.WAITING_FOR_COMPUTER));
        assertEquals(MirrorEngine.ScanResult.NOT_A_PAIRING_CODE, engine.onPairingCode("textbridge:pair?v=1"));
        assertEquals(MirrorEngine.ScanResult.NEEDS_NEWER_APP, engine.onPairingCode(text.replace("v=1&", "v=2&")));
        now.set(1_700_000_200_000L); // 80 s after the code's expiry, past the 30 s of allowed skew
        assertEquals(MirrorEngine.ScanResult.EXPIRED, engine.onPairingCode(text));
        assertEquals("This code has expired. Scan the new code your computer shows. If this keeps happening, "
                + "check this phone's date and time.", RuntimeEnvironment.getApplication()
                .getString(MainActivity.scanMessage(MirrorEngine.ScanResult.EXPIRED)));
        engine.awaitIdle();
    }
}
