package app.textbridge.companion.send;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import android.Manifest;
import android.app.Activity;
import android.app.Application;
import android.app.PendingIntent;
import android.content.Intent;
import android.telephony.SmsManager;
import app.textbridge.companion.store.CompanionDatabase;
import com.google.android.mms.pdu.PduParser;
import com.google.android.mms.pdu.SendConf;
import java.io.File;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.shadows.ShadowLooper;

/**
 * The MMS service's results, fired through the real sent PendingIntent into MmsSentReceiver: each
 * result code and MMSC answer reaches the core's sink with the right state and reason, the PDU file
 * is deleted, and a result that arrives while the engine is down waits in the database.
 */
@RunWith(RobolectricTestRunner.class)
public class MmsSentReceiverTest {
  private Application app;
  private RecordingMmsSink sink;
  private int keys;

  @Before
  public void setUp() {
    app = RuntimeEnvironment.getApplication();
    org.robolectric.Shadows.shadowOf(app).grantPermissions(Manifest.permission.SEND_SMS);
    sink = new RecordingMmsSink();
    MmsResultRelay.attach(app, sink, Runnable::run);
  }

  @After
  public void tearDown() {
    MmsResultRelay.detach();
    CompanionDatabase.closeShared();
  }

  private String nextKey() {
    return String.format("key-mms-result-%04d", ++keys);
  }

  private File pduFile(String key) {
    return new File(new File(app.getCacheDir(), "mms-out"), key + ".pdu");
  }

  /** Hands an MMS over on subscription 2 and returns its sent PendingIntent. */
  private PendingIntent handOver(String key) throws Exception {
    AndroidMmsSenderTest.sender(app).send(MmsPduProviderTest.mms(key, 2));
    assertTrue(pduFile(key).exists());
    return AndroidMmsSenderTest.lastMms(app, 2).getSentIntent();
  }

  private static void fire(PendingIntent pi, int code, Intent fillIn) throws Exception {
    pi.send(RuntimeEnvironment.getApplication(), code, fillIn);
    ShadowLooper.idleMainLooper();
  }

  /** An m-send-conf: type, transaction ID, version 1.2, response status, message ID. */
  static byte[] sendConf(int status) {
    return new byte[] {
      (byte) 0x8C,
      (byte) 0x81,
      (byte) 0x98,
      'T',
      '1',
      0,
      (byte) 0x8D,
      (byte) 0x92,
      (byte) 0x92,
      (byte) status,
      (byte) 0x8B,
      'm',
      '1',
      0
    };
  }

  @Test
  public void theHandBuiltSendConfIsOneAndroidReads() {
    SendConf conf = (SendConf) new PduParser(sendConf(0xE3), true).parse();
    assertEquals(0xE3, conf.getResponseStatus());
    assertEquals("m1", new String(conf.getMessageId()));
  }

  @Test
  public void okWithTheMmscsOkIsSentAndNamesTheRowTheSystemWrote() throws Exception {
    String key = nextKey();
    fire(
        handOver(key),
        Activity.RESULT_OK,
        new Intent()
            .putExtra(SmsManager.EXTRA_MMS_DATA, sendConf(0x80))
            .putExtra("uri", "content://mms/sent/12"));
    assertEquals(Collections.singletonList("sent " + key + " sub 2 mms:12"), sink.lines);
    assertFalse("the file goes once the result is in", pduFile(key).exists());
  }

  @Test
  public void okWithoutAnAnswerIsStillSent() throws Exception {
    String key = nextKey();
    fire(handOver(key), Activity.RESULT_OK, null);
    assertEquals(Collections.singletonList("sent " + key + " sub 2 null"), sink.lines);
    assertFalse(pduFile(key).exists());
  }

  @Test
  public void everyResultCodeMapsToItsReason() throws Exception {
    Object[][] cases = {
      {SmsManager.MMS_ERROR_UNSPECIFIED, "generic_failure"},
      {SmsManager.MMS_ERROR_INVALID_APN, "mms_unsupported"},
      {SmsManager.MMS_ERROR_UNABLE_CONNECT_MMS, "no_service"},
      {SmsManager.MMS_ERROR_HTTP_FAILURE, "generic_failure"},
      {SmsManager.MMS_ERROR_IO_ERROR, "generic_failure"},
      {SmsManager.MMS_ERROR_RETRY, "generic_failure"},
      {SmsManager.MMS_ERROR_CONFIGURATION_ERROR, "mms_unsupported"},
      {SmsManager.MMS_ERROR_NO_DATA_NETWORK, "mms_unsupported"},
      {9, "sim_unavailable"}, // INVALID_SUBSCRIPTION_ID
      {10, "sim_unavailable"}, // INACTIVE_SUBSCRIPTION
      {11, "mms_unsupported"}, // DATA_DISABLED
      {12, "mms_unsupported"}, // MMS_DISABLED_BY_CARRIER
      {13, "mms_too_large"}, // TOO_LARGE_FOR_TRANSPORT
      {Activity.RESULT_CANCELED, "generic_failure"},
      {99, "generic_failure"},
    };
    for (Object[] c : cases) {
      int code = (Integer) c[0];
      String key = nextKey();
      sink.lines.clear();
      fire(handOver(key), code, new Intent().putExtra("uri", "content://mms/sent/40"));
      assertEquals("code " + code, 1, sink.lines.size());
      String line = sink.lines.get(0);
      assertTrue(line, line.startsWith("failed " + key + " sub 2 " + c[1] + " ("));
      assertTrue("the raw code is in the detail: " + line, line.contains(" " + code));
      assertFalse("never the text: " + line, line.contains("see the picture"));
      assertFalse("code " + code + ": file deleted", pduFile(key).exists());
    }
  }

  @Test
  public void anHttpFailureSaysWhichStatus() throws Exception {
    String key = nextKey();
    fire(
        handOver(key),
        SmsManager.MMS_ERROR_HTTP_FAILURE,
        new Intent().putExtra(SmsManager.EXTRA_MMS_HTTP_STATUS, 503));
    assertEquals(
        Collections.singletonList(
            "failed "
                + key
                + " sub 2 generic_failure (MMS error 4: the MMSC failed with HTTP 503)"),
        sink.lines);
  }

  @Test
  public void anMmscRefusalInsideAnOkIsAFailure() throws Exception {
    Object[][] cases = {
      {0xE3, "invalid_address"}, // Error-permanent-sending-address-unresolved
      {0xC1, "invalid_address"}, // Error-transient-sending-address-unresolved
      {0xE1, "mms_unsupported"}, // Error-permanent-service-denied
      {0xE5, "generic_failure"}, // Error-permanent-content-not-accepted
      {0xC0, "generic_failure"}, // Error-transient-failure
    };
    for (Object[] c : cases) {
      String key = nextKey();
      sink.lines.clear();
      fire(
          handOver(key),
          Activity.RESULT_OK,
          new Intent().putExtra(SmsManager.EXTRA_MMS_DATA, sendConf((Integer) c[0])));
      String line = sink.lines.get(0);
      assertTrue(line, line.startsWith("failed " + key + " sub 2 " + c[1] + " (the MMSC"));
      assertTrue(line, line.contains(String.format("0x%02X", (Integer) c[0])));
      assertFalse(pduFile(key).exists());
    }
  }

  @Test
  public void aResultWhileTheEngineIsDownWaitsForIt() throws Exception {
    String sent = nextKey();
    String failed = nextKey();
    PendingIntent sentIntent = handOver(sent);
    PendingIntent failedIntent = handOver(failed);
    MmsResultRelay.detach();
    fire(sentIntent, Activity.RESULT_OK, new Intent().putExtra("uri", "content://mms/7"));
    fire(failedIntent, SmsManager.MMS_ERROR_NO_DATA_NETWORK, null);
    assertTrue(sink.lines.isEmpty());
    assertFalse(pduFile(sent).exists());
    assertFalse(pduFile(failed).exists());

    CompanionDatabase.closeShared(); // the process dies; the next start reopens the file
    RecordingMmsSink next = new RecordingMmsSink();
    MmsResultRelay.attach(app, next, Runnable::run);
    assertEquals(
        Arrays.asList(
            "sent " + sent + " sub 2 mms:7",
            "failed " + failed + " sub 2 mms_unsupported (MMS error 8: no mobile data network)"),
        next.lines);

    MmsResultRelay.detach();
    RecordingMmsSink again = new RecordingMmsSink();
    MmsResultRelay.attach(app, again, Runnable::run);
    assertTrue("handed over once", again.lines.isEmpty());
  }

  @Test
  public void intentsThatAreNotOursAreIgnored() {
    new MmsSentReceiver().onReceive(app, new Intent(MmsIntents.ACTION_SENT));
    new MmsSentReceiver()
        .onReceive(app, new Intent("other").putExtra(ReportIntents.EXTRA_KEY, "key-mms-x-0000001"));
    assertTrue(sink.lines.isEmpty());
  }

  @Test
  public void onlyAnMmsRowOfTheProviderIsAMessageId() {
    List<String[]> cases =
        Arrays.asList(
            new String[] {"content://mms/12", "mms:12"},
            new String[] {"content://mms/sent/12", "mms:12"},
            new String[] {"content://sms/12", null},
            new String[] {"content://mms/sent/x", null},
            new String[] {"content://mms", null},
            new String[] {"file:///mms/12", null},
            new String[] {null, null});
    for (String[] c : cases) {
      assertEquals(c[0], c[1], MmsIntents.messageIdOf(c[0]));
    }
    assertNull(MmsIntents.messageIdOf("content://mms/123456789012345678901"));
  }
}
