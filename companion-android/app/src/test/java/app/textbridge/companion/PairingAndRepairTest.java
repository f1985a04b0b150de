package app.textbridge.companion;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;

import android.app.AlertDialog;
import android.app.Application;
import android.app.Notification;
import android.app.NotificationManager;
import android.content.DialogInterface;
import android.content.Intent;
import android.view.View;
import android.widget.TextView;

import app.textbridge.companion.engine.EngineOptions;
import app.textbridge.companion.engine.EngineRun;
import app.textbridge.companion.keys.SoftwareCipher;
import app.textbridge.companion.pairing.PairingPrompter;
import app.textbridge.companion.send.ReportRelay;
import app.textbridge.companion.service.AppState;
import app.textbridge.companion.service.MirrorEngine;
import app.textbridge.companion.service.MirrorEngines;
import app.textbridge.companion.service.MirrorService;
import app.textbridge.companion.service.RecordingEngine;
import app.textbridge.companion.service.TestEngines;
import app.textbridge.companion.store.CompanionDatabase;
import app.textbridge.core.crypto.Nacl;
import app.textbridge.core.port.PairingPrompt;
import app.textbridge.core.protocol.QrPayload;

import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.android.controller.ActivityController;
import org.robolectric.android.controller.ServiceController;
import org.robolectric.shadows.ShadowAlertDialog;
import org.robolectric.shadows.ShadowLooper;

import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicReference;

/** The pairing confirmation (dialog in front, notification behind) and the "pair again" state. */
@RunWith(RobolectricTestRunner.class)
public class PairingAndRepairTest {
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

    private static final class Answer implements PairingPrompt.Decision {
        final AtomicReference<String> given = new AtomicReference<>();

        @Override
        public void accept() {
            given.compareAndSet(null, "accept");
        }

        @Override
        public void reject() {
            given.compareAndSet(null, "reject");
        }
    }

    @Test
    public void inFrontTheAppAsksWithADialogAndTheFirstAnswerWins() {
        MirrorEngines.install(new RecordingEngine());
        PairingPrompter prompter = new PairingPrompter(app, Runnable::run);
        ActivityController<MainActivity> activity = Robolectric.buildActivity(MainActivity.class).setup();
        Answer answer = new Answer();
        // A name trying to reverse itself with a bidi override is shown without the control.
        prompter.show(new PairingPrompt.Request("r1", "123456", "Office\u202e PC"), answer);
        ShadowLooper.idleMainLooper();

        AlertDialog dialog = (AlertDialog) ShadowAlertDialog.getLatestDialog();
        assertNotNull(dialog);
        String title = shadowOf(dialog).getTitle().toString();
        assertTrue(title, title.contains("Office PC"));
        assertFalse(title.contains("\u202e"));
        assertEquals("Pair only if your computer shows this code: 123 456", shadowOf(dialog).getMessage().toString());
        Notification n = shadowOf(app.getSystemService(NotificationManager.class)).getAllNotifications().get(0);
        assertEquals("the notification asks too", "pairing", n.getChannelId());
        assertEquals(Notification.VISIBILITY_PRIVATE, n.visibility);

        dialog.getButton(DialogInterface.BUTTON_POSITIVE).performClick();
        ShadowLooper.idleMainLooper();
        assertEquals("accept", answer.given.get());
        prompter.answer("r1", false); // the notification's Reject, too late
        ShadowLooper.idleMainLooper();
        assertEquals("accept", answer.given.get());
        assertTrue("the notification is gone",
                shadowOf(app.getSystemService(NotificationManager.class)).getAllNotifications().isEmpty());
        activity.pause().stop().destroy();
    }

    @Test
    public void theCoreDismissingThePromptTakesTheNotificationAway() {
        PairingPrompter prompter = new PairingPrompter(app, Runnable::run);
        Answer answer = new Answer();
        prompter.show(new PairingPrompt.Request("r2", "654321", "Laptop"), answer);
        ShadowLooper.idleMainLooper();
        assertEquals(1, shadowOf(app.getSystemService(NotificationManager.class)).getAllNotifications().size());
        prompter.dismiss("r2"); // 120 s passed, or the socket dropped
        ShadowLooper.idleMainLooper();
        assertTrue(shadowOf(app.getSystemService(NotificationManager.class)).getAllNotifications().isEmpty());
        prompter.answer("r2", true);
        assertNull("nothing to answer any more", answer.given.get());
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
        assertTrue(detail.getText().toString().startsWith("Textbridge could not read its pairing keys"));

        String qr = QrPayload.encode(Nacl.randomBytes(16), Nacl.randomBytes(32), Nacl.randomBytes(32),
                System.currentTimeMillis() / 1000 + 120, "New PC");
        assertEquals(MirrorEngine.ScanResult.WAITING_FOR_COMPUTER, engine.onPairingCode(qr));
        engine.awaitIdle();
        assertNotNull("a fresh identity, running", engine.running());
        assertFalse(engine.status().needsRepair);
        assertTrue("the old pairings are gone from the status", AppState.read(app).pairedComputers.isEmpty());
    }
}
