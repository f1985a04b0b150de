package app.textbridge.companion.send;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.robolectric.Shadows.shadowOf;

import android.Manifest;
import android.app.Application;
import android.app.PendingIntent;
import android.telephony.SmsManager;
import app.textbridge.companion.contacts.ContactLookup;
import app.textbridge.core.model.FailureReason;
import app.textbridge.core.port.SmsSender;
import app.textbridge.core.support.StderrLog;
import java.util.HashSet;
import java.util.List;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.shadows.ShadowSmsManager;

/** Long texts go out as multipart on the subscription the core chose (ShadowSmsManager). */
@RunWith(RobolectricTestRunner.class)
public class AndroidSmsSenderTest {
  static final String LONG =
      "It was the best of times, it was the worst of times, it was the age of wisdom, "
          + "it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity, "
          + "it was the season of Light, it was the season of Darkness, it was the spring of hope, "
          + "it was the winter of despair, we had everything before us, we had nothing before us, "
          + "we were all going direct to Heaven, we were all going direct the other way.";
  private Application app;

  @Before
  public void setUp() {
    app = RuntimeEnvironment.getApplication();
    shadowOf(app).grantPermissions(Manifest.permission.SEND_SMS);
  }

  static AndroidSmsSender sender(Application app) {
    return new AndroidSmsSender(
        app,
        new SendStallNotice(app, new ContactLookup(app.getContentResolver())),
        new StderrLog(true));
  }

  static SmsManager managerFor(Application app, int subId) {
    SmsManager base = app.getSystemService(SmsManager.class);
    return subId < 0 ? base : base.createForSubscriptionId(subId);
  }

  @Test
  public void aLongTextGoesOutAsMultipartOnTheChosenSubscription() throws Exception {
    int parts =
        sender(app)
            .send(new SmsSender.OutgoingText("key-long-000000001", 0, " +447700900123 ", LONG, 2));

    ShadowSmsManager.TextMultipartParams sent =
        shadowOf(managerFor(app, 2)).getLastSentMultipartTextMessageParams();
    assertEquals(sent.getParts().size(), parts);
    assertTrue("a 400-character text takes three parts", parts >= 3);
    assertEquals(LONG, String.join("", sent.getParts()));
    assertEquals("+447700900123", sent.getDestinationAddress());
    assertEquals(parts, sent.getSentIntents().size());
    assertEquals(parts, sent.getDeliveryIntents().size());
    assertEquals(2, managerFor(app, 2).getSubscriptionId());
    assertNull(
        "nothing on the other SIM",
        shadowOf(managerFor(app, 1)).getLastSentMultipartTextMessageParams());
    HashSet<PendingIntent> distinct = new HashSet<>(sent.getSentIntents());
    distinct.addAll(sent.getDeliveryIntents());
    assertEquals("one PendingIntent per part and kind, none shared", 2 * parts, distinct.size());
  }

  @Test
  public void aShortTextIsOnePart() throws Exception {
    assertEquals(
        1,
        sender(app)
            .send(new SmsSender.OutgoingText("key-short-00000001", 0, "07700900123", "Hi", 1)));
    List<String> parts =
        shadowOf(managerFor(app, 1)).getLastSentMultipartTextMessageParams().getParts();
    assertEquals(1, parts.size());
    assertEquals("Hi", parts.get(0));
  }

  @Test
  public void withoutSendSmsNothingIsHandedToTheRadio() {
    shadowOf(app).denyPermissions(Manifest.permission.SEND_SMS);
    try {
      sender(app)
          .send(new SmsSender.OutgoingText("key-denied-0000001", 0, "+447700900123", "Hi", 3));
      fail("refused");
    } catch (SmsSender.SendRefusedException e) {
      assertEquals(FailureReason.NO_PERMISSION, e.reason);
    }
    assertNull(shadowOf(managerFor(app, 3)).getLastSentMultipartTextMessageParams());
  }

  @Test
  public void aPhoneThatCannotSendTextsRefusesInsteadOfCrashing() {
    try { // no default SMS subscription and no telephony service: SmsManager throws
      sender(app)
          .send(new SmsSender.OutgoingText("key-nosms-00000001", 0, "+447700900123", "Hi", -1));
      fail("refused");
    } catch (SmsSender.SendRefusedException e) {
      assertEquals(FailureReason.SIM_UNAVAILABLE, e.reason);
    }
  }

  @Test
  public void anEmptyAddressIsRefusedAsInvalid() {
    try {
      sender(app).send(new SmsSender.OutgoingText("key-empty-00000001", 0, "  ", "Hi", 3));
      fail("refused");
    } catch (SmsSender.SendRefusedException e) {
      assertEquals(FailureReason.INVALID_ADDRESS, e.reason);
    }
  }

  @Test
  public void everyPartsIntentNamesItsOwnPart() throws Exception {
    sender(app).send(new SmsSender.OutgoingText("key-parts-00000001", 0, "+447700900123", LONG, 2));
    List<PendingIntent> sent =
        shadowOf(managerFor(app, 2)).getLastSentMultipartTextMessageParams().getSentIntents();
    for (int i = 0; i < sent.size(); i++) {
      android.content.Intent saved = shadowOf(sent.get(i)).getSavedIntent();
      assertEquals(i, saved.getIntExtra(ReportIntents.EXTRA_PART, -1));
      assertEquals("key-parts-00000001", saved.getStringExtra(ReportIntents.EXTRA_KEY));
      assertEquals(0, saved.getIntExtra(ReportIntents.EXTRA_RECIPIENT, -1));
      assertEquals(SendResultReceiver.class.getName(), saved.getComponent().getClassName());
      assertFalse(
          "the radio must be able to add errorCode and the status report",
          shadowOf(sent.get(i)).isImmutable());
    }
    assertNotEquals(shadowOf(sent.get(0)).getRequestCode(), shadowOf(sent.get(1)).getRequestCode());
  }
}
