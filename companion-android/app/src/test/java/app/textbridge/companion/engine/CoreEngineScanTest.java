package app.textbridge.companion.engine;

import static org.junit.Assert.assertEquals;

import app.textbridge.companion.keys.SoftwareCipher;
import app.textbridge.companion.service.MirrorEngine;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;

/**
 * The engine's answer to each kind of scanned code, starting from the text of the desktop's QR
 * fixture (QrFixtureTest proves the committed PNG decodes to exactly that text).
 */
@RunWith(RobolectricTestRunner.class)
public class CoreEngineScanTest {
  private static String fixtureText() throws Exception {
    try (InputStream in = CoreEngineScanTest.class.getResourceAsStream("/qr/desktop-qr.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    }
  }

  @Test
  public void theEngineAnswersEachKindOfScan() throws Exception {
    AtomicLong now = new AtomicLong(1_700_000_000_000L);
    EngineOptions options = new EngineOptions();
    options.clock = now::get;
    options.cipher = new SoftwareCipher();
    CoreEngine engine = new CoreEngine(RuntimeEnvironment.getApplication(), options);
    String text = fixtureText();

    assertEquals(MirrorEngine.ScanResult.WAITING_FOR_COMPUTER, engine.onPairingCode(text));
    assertEquals(
        MirrorEngine.ScanResult.NOT_A_PAIRING_CODE, engine.onPairingCode("textbridge:pair?v=1"));
    assertEquals(
        MirrorEngine.ScanResult.NEEDS_NEWER_APP,
        engine.onPairingCode(text.replace("v=1&", "v=2&")));
    now.set(1_700_000_200_000L); // 80 s after the code's expiry, past the 30 s of allowed skew
    assertEquals(MirrorEngine.ScanResult.EXPIRED, engine.onPairingCode(text));
    engine.awaitIdle();
  }
}
