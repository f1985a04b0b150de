package app.textbridge.companion.pairing;

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
import app.textbridge.companion.service.MirrorEngines;
import app.textbridge.companion.service.RecordingEngine;
import app.textbridge.companion.service.TestEngines;
import app.textbridge.companion.ui.MainActivity;
import app.textbridge.core.port.PairingPrompt;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.android.controller.ActivityController;
import org.robolectric.shadows.ShadowAlertDialog;
import org.robolectric.shadows.ShadowLooper;

/** The pairing confirmation: a dialog while the app is in front, the notification behind it. */
@RunWith(RobolectricTestRunner.class)
public class PairingPromptTest {
  private final Application app = RuntimeEnvironment.getApplication();

  @After
  public void tearDown() {
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
    ActivityController<MainActivity> activity =
        Robolectric.buildActivity(MainActivity.class).setup();
    Answer answer = new Answer();
    // A name trying to reverse itself with a bidi override is shown without the control.
    prompter.show(new PairingPrompt.Request("r1", "123456", "Office\u202e PC"), answer);
    ShadowLooper.idleMainLooper();

    AlertDialog dialog = (AlertDialog) ShadowAlertDialog.getLatestDialog();
    assertNotNull(dialog);
    String title = shadowOf(dialog).getTitle().toString();
    assertTrue(title, title.contains("Office PC"));
    assertFalse(title.contains("\u202e"));
    assertEquals(
        "Pair only if your computer shows this code: 123 456",
        shadowOf(dialog).getMessage().toString());
    Notification n =
        shadowOf(app.getSystemService(NotificationManager.class)).getAllNotifications().get(0);
    assertEquals("the notification asks too", "pairing", n.getChannelId());
    assertEquals(Notification.VISIBILITY_PRIVATE, n.visibility);

    dialog.getButton(DialogInterface.BUTTON_POSITIVE).performClick();
    ShadowLooper.idleMainLooper();
    assertEquals("accept", answer.given.get());
    prompter.answer("r1", false); // the notification's Reject, too late
    ShadowLooper.idleMainLooper();
    assertEquals("accept", answer.given.get());
    assertTrue(
        "the notification is gone",
        shadowOf(app.getSystemService(NotificationManager.class)).getAllNotifications().isEmpty());
    activity.pause().stop().destroy();
  }

  @Test
  public void theCoreDismissingThePromptTakesTheNotificationAway() {
    PairingPrompter prompter = new PairingPrompter(app, Runnable::run);
    Answer answer = new Answer();
    prompter.show(new PairingPrompt.Request("r2", "654321", "Laptop"), answer);
    ShadowLooper.idleMainLooper();
    assertEquals(
        1, shadowOf(app.getSystemService(NotificationManager.class)).getAllNotifications().size());
    prompter.dismiss("r2"); // 120 s passed, or the socket dropped
    ShadowLooper.idleMainLooper();
    assertTrue(
        shadowOf(app.getSystemService(NotificationManager.class)).getAllNotifications().isEmpty());
    prompter.answer("r2", true);
    assertNull("nothing to answer any more", answer.given.get());
  }

  @Test
  public void tappingTheNotificationOpensTheApp() {
    PairingPrompter prompter = new PairingPrompter(app, Runnable::run);
    prompter.show(new PairingPrompt.Request("r3", "112233", "Laptop"), new Answer());
    ShadowLooper.idleMainLooper();
    Notification n =
        shadowOf(app.getSystemService(NotificationManager.class)).getAllNotifications().get(0);
    Intent opens = shadowOf(n.contentIntent).getSavedIntent();
    assertEquals(MainActivity.class.getName(), opens.getComponent().getClassName());
    prompter.dismiss("r3");
  }
}
