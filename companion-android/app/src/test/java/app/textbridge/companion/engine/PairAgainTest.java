package app.textbridge.companion.engine;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import android.app.Application;
import android.content.Intent;
import android.view.View;
import android.widget.TextView;
import app.textbridge.companion.R;
import app.textbridge.companion.keys.SoftwareCipher;
import app.textbridge.companion.send.ReportRelay;
import app.textbridge.companion.service.AppState;
import app.textbridge.companion.service.MirrorEngine;
import app.textbridge.companion.service.MirrorEngines;
import app.textbridge.companion.service.MirrorService;
import app.textbridge.companion.service.TestEngines;
import app.textbridge.companion.store.CompanionDatabase;
import app.textbridge.companion.ui.MainActivity;
import app.textbridge.core.crypto.Nacl;
import app.textbridge.core.protocol.QrPayload;
import java.nio.file.Files;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.android.controller.ServiceController;

/** The "pair again" state: what the engine and the screen do when the key file cannot be read. */
@RunWith(RobolectricTestRunner.class)
public class PairAgainTest {
  private final Application app = RuntimeEnvironment.getApplication();
  private ServiceController<MirrorService> service;
  private CoreEngine engine;

  @After
  public void tearDown() throws Exception {
    if (service != null && MirrorService.isRunning()) {
      service.destroy();
      engine.awaitIdle();
    }
    ReportRelay.detach();
    CompanionDatabase.closeShared();
    TestEngines.uninstall();
  }

  @Test
  public void unreadableKeysShowAPairAgainStateAndAScanStartsAFreshIdentity() throws Exception {
    Files.write(EngineRun.keyFile(app).toPath(), new byte[] {'T', 'B', 'K', 'F', 1, 12, 0, 0, 0});
    EngineOptions options = new EngineOptions();
    options.port = 0;
    options.cipher = new SoftwareCipher();
    engine = new CoreEngine(app, options);
    MirrorEngines.install(engine);
    AppState.putPairedComputer(app, "aa", "Old PC");
    Intent start = new Intent(app, MirrorService.class).setAction(MirrorService.ACTION_START);
    service = Robolectric.buildService(MirrorService.class, start).create();
    service.get().onStartCommand(start, 0, 1);
    engine.awaitIdle();

    assertNull("no core on unreadable keys", engine.running());
    assertTrue(engine.status().needsRepair);
    assertTrue("the service itself keeps running", MirrorService.isRunning());
    MainActivity activity = Robolectric.buildActivity(MainActivity.class).setup().get();
    TextView detail = activity.findViewById(R.id.status_detail);
    assertEquals(View.VISIBLE, detail.getVisibility());
    assertTrue(
        detail.getText().toString().startsWith("Textbridge could not read its pairing keys"));

    String qr =
        QrPayload.encode(
            Nacl.randomBytes(16),
            Nacl.randomBytes(32),
            Nacl.randomBytes(32),
            System.currentTimeMillis() / 1000 + 120,
            "New PC");
    assertEquals(MirrorEngine.ScanResult.WAITING_FOR_COMPUTER, engine.onPairingCode(qr));
    engine.awaitIdle();
    assertNotNull("a fresh identity, running", engine.running());
    assertFalse(engine.status().needsRepair);
    assertTrue(
        "the old pairings are gone from the status", AppState.read(app).pairedComputers.isEmpty());
  }
}
