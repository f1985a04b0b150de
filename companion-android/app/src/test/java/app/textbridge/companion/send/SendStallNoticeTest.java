package app.textbridge.companion.send;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;

import android.app.Application;
import android.app.Notification;
import android.app.NotificationManager;
import app.textbridge.companion.contacts.ContactLookup;
import java.util.concurrent.TimeUnit;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.shadows.ShadowLooper;

/** The notice for a text that has not left: at once when Android's prompt is up, else later. */
@RunWith(RobolectricTestRunner.class)
public class SendStallNoticeTest {
  private Application app;
  private NotificationManager nm;
  private SendStallNotice notice;

  @Before
  public void setUp() {
    app = RuntimeEnvironment.getApplication();
    nm = app.getSystemService(NotificationManager.class);
    notice = new SendStallNotice(app, new ContactLookup(app.getContentResolver()));
  }

  private Notification shown() {
    for (Notification n : shadowOf(nm).getAllNotifications()) {
      if (SendStallNotice.CHANNEL_ID.equals(n.getChannelId())) return n;
    }
    return null;
  }

  private static String text(Notification n) {
    return n.extras.getCharSequence(Notification.EXTRA_TEXT).toString();
  }

  @Test
  public void aWaitForThePromptSaysToAnswerItOnThePhoneAtOnce() {
    notice.handedOver("key-notice-00000001", "+447700900123");
    assertNull(shown());
    notice.waitingForUser("key-notice-00000001");
    Notification n = shown();
    assertTrue(text(n), text(n).contains("Answer the prompt on the phone"));
    assertTrue(
        n.extras.getCharSequence(Notification.EXTRA_TITLE).toString().contains("+447700900123"));
    ShadowLooper.idleMainLooper(SendStallNotice.STALL_MS + 1, TimeUnit.MILLISECONDS);
    assertTrue("the later stall notice does not replace it", text(shown()).contains("Allow"));
    notice.reported("key-notice-00000001");
    assertNull("the answer came: the notice goes", shown());
  }

  @Test
  public void aStalledTextAlsoMentionsThePrompt() {
    notice.handedOver("key-notice-00000002", "+447700900123");
    ShadowLooper.idleMainLooper(SendStallNotice.STALL_MS + 1, TimeUnit.MILLISECONDS);
    assertTrue(text(shown()).contains("answer the prompt on this phone"));
    notice.waitingForUser("key-notice-00000099"); // not one of ours: nothing changes
    assertEquals(1, shadowOf(nm).getAllNotifications().size());
  }
}
