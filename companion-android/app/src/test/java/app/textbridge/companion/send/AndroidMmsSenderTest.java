package app.textbridge.companion.send;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.robolectric.Shadows.shadowOf;

import android.Manifest;
import android.app.Application;
import android.content.Intent;
import android.os.PersistableBundle;
import android.telephony.CarrierConfigManager;
import app.textbridge.core.model.FailureReason;
import app.textbridge.core.port.MmsSender.OutgoingMms;
import app.textbridge.core.port.SmsSender.SendRefusedException;
import app.textbridge.core.support.StderrLog;
import java.io.File;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.shadows.ShadowCarrierConfigManager;
import org.robolectric.shadows.ShadowSmsManager;

/**
 * Handing an MMS over: the PDU file, sendMultimediaMessage on the chosen subscription
 * (ShadowSmsManager), the carrier's limits (ShadowCarrierConfigManager), and every refusal typed.
 */
@RunWith(RobolectricTestRunner.class)
public class AndroidMmsSenderTest {
  static final String KEY = "key-mms-send-00001";
  private Application app;

  @Before
  public void setUp() {
    app = RuntimeEnvironment.getApplication();
    shadowOf(app).grantPermissions(Manifest.permission.SEND_SMS);
  }

  static AndroidMmsSender sender(Application app) {
    return new AndroidMmsSender(app, new StderrLog(true));
  }

  static ShadowSmsManager.SendMultimediaMessageParams lastMms(Application app, int subId) {
    return shadowOf(AndroidSmsSenderTest.managerFor(app, subId))
        .getLastSentMultimediaMessageParams();
  }

  private ShadowCarrierConfigManager carrier() {
    return shadowOf(app.getSystemService(CarrierConfigManager.class));
  }

  private void carrierSays(int subId, int maxBytes, int maxRecipients, Boolean mmsEnabled) {
    PersistableBundle b = new PersistableBundle();
    b.putInt(CarrierConfigManager.KEY_MMS_MAX_MESSAGE_SIZE_INT, maxBytes);
    b.putInt(CarrierConfigManager.KEY_MMS_RECIPIENT_LIMIT_INT, maxRecipients);
    if (mmsEnabled != null) {
      b.putBoolean(CarrierConfigManager.KEY_MMS_MMS_ENABLED_BOOL, mmsEnabled);
    }
    carrier().setConfigForSubId(subId, b);
  }

  private File pduFile(String key) {
    return new File(new File(app.getCacheDir(), "mms-out"), key + ".pdu");
  }

  private SendRefusedException refusal(AndroidMmsSender sender, OutgoingMms mms) {
    try {
      sender.send(mms);
      throw new AssertionError("not refused");
    } catch (SendRefusedException e) {
      return e;
    }
  }

  @Test
  public void thePduGoesToTheMmsServiceOnTheChosenSubscription() throws Exception {
    OutgoingMms mms = MmsPduProviderTest.mms(KEY, 2);
    sender(app).send(mms);

    ShadowSmsManager.SendMultimediaMessageParams sent = lastMms(app, 2);
    assertNotNull("handed to subscription 2's SmsManager", sent);
    assertNull("nothing on the other SIM", lastMms(app, 1));
    assertEquals(MmsPduProvider.uriFor(KEY + ".pdu"), sent.getContentUri());
    assertArrayEquals(
        "the MMS service reads exactly the core's bytes",
        mms.pdu(),
        MmsPduProviderTest.read(app.getContentResolver(), sent.getContentUri()));
    assertNull("no location URL: the MMSC from the APN", sent.getLocationUrl());
    assertNull("no overrides: the service applies the carrier's config", sent.getConfigOverrides());
    Intent saved = shadowOf(sent.getSentIntent()).getSavedIntent();
    assertEquals(MmsSentReceiver.class.getName(), saved.getComponent().getClassName());
    assertEquals(MmsIntents.ACTION_SENT, saved.getAction());
    assertEquals(KEY, saved.getStringExtra(ReportIntents.EXTRA_KEY));
    assertEquals(2, saved.getIntExtra(ReportIntents.EXTRA_SUB, -1));
    assertFalse(
        "the MMS service must be able to add its answer and the row's URI",
        shadowOf(sent.getSentIntent()).isImmutable());
  }

  @Test
  public void twoMmsNeverShareAPendingIntent() throws Exception {
    AndroidMmsSender sender = sender(app);
    sender.send(MmsPduProviderTest.mms(KEY, 2));
    android.app.PendingIntent first = lastMms(app, 2).getSentIntent();
    sender.send(MmsPduProviderTest.mms("key-mms-send-00002", 2));
    android.app.PendingIntent second = lastMms(app, 2).getSentIntent();
    assertFalse(first.equals(second));
    assertEquals(KEY, shadowOf(first).getSavedIntent().getStringExtra(ReportIntents.EXTRA_KEY));
  }

  @Test
  public void limitsComeFromTheCarriersConfigWithAndroidsDefaultsOtherwise() {
    carrierSays(2, 614_400, 10, true);
    carrierSays(3, 0, Integer.MAX_VALUE, null); // Android's "no limit stated"
    AndroidMmsSender sender = sender(app);
    assertEquals(614_400, sender.maxMessageBytes(2));
    assertEquals(10, sender.maxRecipients(2));
    assertEquals(300 * 1024, sender.maxMessageBytes(3));
    assertEquals(50, sender.maxRecipients(3));
    assertEquals("no config at all", 300 * 1024, sender.maxMessageBytes(4));
    assertEquals(50, sender.maxRecipients(-1));
  }

  @Test
  public void withoutReadPhoneStateTheDefaultsApply() {
    carrierSays(2, 614_400, 10, true);
    carrier().setReadPhoneStatePermission(false);
    try {
      assertEquals(300 * 1024, sender(app).maxMessageBytes(2));
      assertEquals(50, sender(app).maxRecipients(2));
    } finally {
      carrier().setReadPhoneStatePermission(true);
    }
  }

  @Test
  public void aPduOverTheCarriersLimitIsRefusedAsTooLarge() throws Exception {
    OutgoingMms mms = MmsPduProviderTest.mms(KEY, 2);
    carrierSays(2, mms.pduLength() - 1, 10, true);
    SendRefusedException e = refusal(sender(app), mms);
    assertEquals(FailureReason.MMS_TOO_LARGE, e.reason);
    assertNull(lastMms(app, 2));
    assertFalse(pduFile(KEY).exists());
  }

  @Test
  public void mmsSwitchedOffInTheCarriersSettingsIsUnsupported() throws Exception {
    carrierSays(2, 614_400, 10, false);
    assertEquals(
        FailureReason.MMS_UNSUPPORTED, refusal(sender(app), MmsPduProviderTest.mms(KEY, 2)).reason);
    assertNull(lastMms(app, 2));
  }

  @Test
  public void withoutSendSmsNothingIsHandedOver() throws Exception {
    shadowOf(app).denyPermissions(Manifest.permission.SEND_SMS);
    assertEquals(
        FailureReason.NO_PERMISSION, refusal(sender(app), MmsPduProviderTest.mms(KEY, 2)).reason);
    assertNull(lastMms(app, 2));
    assertFalse(pduFile(KEY).exists());
  }

  @Test
  public void whatSmsManagerThrowsBecomesATypedRefusalAndTheFileGoes() throws Exception {
    Object[][] cases = {
      {new SecurityException("denied"), FailureReason.NO_PERMISSION},
      {new IllegalArgumentException("Uri contentUri null"), FailureReason.GENERIC_FAILURE},
      {new UnsupportedOperationException("Sms is not supported"), FailureReason.SIM_UNAVAILABLE},
    };
    for (Object[] c : cases) {
      AtomicReference<File> during = new AtomicReference<>();
      AndroidMmsSender sender =
          new AndroidMmsSender(
              app,
              new StderrLog(true),
              (subId, uri, sent) -> {
                during.set(pduFile(KEY));
                assertTrue("the file exists while SmsManager is called", pduFile(KEY).exists());
                throw (RuntimeException) c[0];
              });
      SendRefusedException e = refusal(sender, MmsPduProviderTest.mms(KEY, 2));
      assertEquals(c[0].toString(), c[1], e.reason);
      assertNotNull(during.get());
      assertFalse("nothing was handed over: no file left", pduFile(KEY).exists());
    }
  }

  @Test
  public void anythingElseIsLeftToTheCoreAndTheFileStays() throws Exception {
    AndroidMmsSender sender =
        new AndroidMmsSender(
            app,
            new StderrLog(true),
            (subId, uri, sent) -> {
              throw new IllegalStateException("binder died");
            });
    try {
      sender.send(MmsPduProviderTest.mms(KEY, 2));
      fail("thrown through");
    } catch (IllegalStateException expected) {
      assertTrue("the MMS service may still read it", pduFile(KEY).exists());
    }
  }

  @Test
  public void startingSweepsAbandonedFilesAndKeepsRecentOnes() throws Exception {
    PduOutbox outbox = new PduOutbox(app);
    File old = outbox.write(MmsPduProviderTest.mms("key-mms-old-000001", 1));
    File recent = outbox.write(MmsPduProviderTest.mms("key-mms-new-000001", 1));
    assertTrue(
        old.setLastModified(System.currentTimeMillis() - PduOutbox.ABANDONED_AFTER_MS - 60_000));
    sender(app);
    assertFalse(old.exists());
    assertTrue(recent.exists());
  }
}
