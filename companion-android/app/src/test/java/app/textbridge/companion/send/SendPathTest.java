package app.textbridge.companion.send;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;

import android.Manifest;
import android.app.Activity;
import android.app.Application;
import android.app.PendingIntent;
import android.content.Intent;
import android.telephony.SmsManager;
import app.textbridge.companion.store.CompanionDatabase;
import app.textbridge.companion.store.SqlSendJournal;
import app.textbridge.core.PhoneConfig;
import app.textbridge.core.PhonePorts;
import app.textbridge.core.model.SendRecord;
import app.textbridge.core.model.SendState;
import app.textbridge.core.model.SimCard;
import app.textbridge.core.protocol.message.Message;
import app.textbridge.core.protocol.message.MessageType;
import app.textbridge.core.send.SendQueue;
import app.textbridge.core.support.ExecutorScheduler;
import app.textbridge.core.support.MemorySmsStore;
import app.textbridge.core.support.StderrLog;
import app.textbridge.core.support.SystemClock;
import app.textbridge.core.testutil.RecordingPeer;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
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
 * The whole send path on the phone: core's SendQueue over the SQLite journal and the SmsManager
 * sender; the radio's results fired through the real PendingIntents into SendResultReceiver.
 */
@RunWith(RobolectricTestRunner.class)
public class SendPathTest {
  private static final String REPORT_OK =
      "0006010B914477009001F3" + "21101291000000" + "21101291000000";
  private Application app;
  private RecordingPeer peer;
  private SendQueue queue;
  private SqlSendJournal journal;
  private AndroidSmsSender sender;
  private final ExecutorScheduler scheduler = new ExecutorScheduler("send-path-test");

  @Before
  public void setUp() throws Exception {
    app = RuntimeEnvironment.getApplication();
    shadowOf(app).grantPermissions(Manifest.permission.SEND_SMS);
    peer = new RecordingPeer("aa");
    startQueue();
  }

  @After
  public void tearDown() {
    scheduler.close();
    ReportRelay.detach();
    CompanionDatabase.closeShared();
  }

  /** A fresh core send queue over the same database file, as after a service restart. */
  private void startQueue() throws Exception {
    journal = new SqlSendJournal(CompanionDatabase.get(app));
    sender = AndroidSmsSenderTest.sender(app);
    List<SimCard> sims =
        java.util.Arrays.asList(
            new SimCard(1, 0, "Personal", null, null, true),
            new SimCard(2, 1, "Work", null, null, false));
    PhonePorts ports = new PhonePorts();
    ports.sendJournal = journal;
    ports.sender = sender;
    ports.sims = () -> sims;
    ports.store = new MemorySmsStore();
    ports.clock = new SystemClock();
    ports.scheduler = scheduler;
    ports.log = new StderrLog(true);
    queue = new SendQueue(ports, new PhoneConfig(), null);
    queue.recover();
    sender.setReportSink(queue);
    ReportRelay.attach(app, sender.reportSink(), Runnable::run);
  }

  private void request(String key, String body, Integer subId) throws Exception {
    JsonObject b = new JsonObject();
    b.addProperty("key", key);
    JsonArray to = new JsonArray();
    to.add("+447700900123");
    b.add("to", to);
    b.addProperty("body", body);
    b.addProperty("subId", subId);
    queue.request(peer, Message.request(MessageType.SEND_REQUEST, "r1", b));
  }

  private JsonObject lastStatus() {
    Message m = peer.sent.get(peer.sent.size() - 1);
    assertEquals(MessageType.SEND_STATUS, m.type);
    return m.body();
  }

  private static void fire(PendingIntent pi, int code, Intent fillIn) throws Exception {
    pi.send(RuntimeEnvironment.getApplication(), code, fillIn);
    ShadowLooper.idleMainLooper();
  }

  private static Intent report(String statusHex) {
    return new Intent().putExtra("pdu", hex(REPORT_OK + statusHex)).putExtra("format", "3gpp");
  }

  private List<PendingIntent> sentIntents(int subId) {
    return shadowOf(AndroidSmsSenderTest.managerFor(app, subId))
        .getLastSentMultipartTextMessageParams()
        .getSentIntents();
  }

  private List<PendingIntent> deliveryIntents(int subId) {
    return shadowOf(AndroidSmsSenderTest.managerFor(app, subId))
        .getLastSentMultipartTextMessageParams()
        .getDeliveryIntents();
  }

  @Test
  public void everyPartSentThenEveryPartDelivered() throws Exception {
    request("key-path-ok-000001", AndroidSmsSenderTest.LONG, 2);
    assertEquals("accepted", lastStatus().get("state").getAsString());
    List<PendingIntent> sent = sentIntents(2);
    for (int i = 0; i < sent.size(); i++) {
      fire(sent.get(i), Activity.RESULT_OK, new Intent());
    }
    assertEquals("sent", lastStatus().get("state").getAsString());
    assertEquals(sent.size(), lastStatus().getAsJsonObject("parts").get("sent").getAsInt());
    List<PendingIntent> delivered = deliveryIntents(2);
    fire(delivered.get(0), Activity.RESULT_OK, report("20")); // temporary: still trying
    assertEquals(0, lastStatus().getAsJsonObject("parts").get("delivered").getAsInt());
    for (PendingIntent pi : delivered) {
      fire(pi, Activity.RESULT_OK, report("00"));
    }
    assertEquals("delivered", lastStatus().get("state").getAsString());
  }

  @Test
  public void eachRadioFailureBecomesItsReason() throws Exception {
    Object[][] cases = {
      {SmsManager.RESULT_ERROR_GENERIC_FAILURE, 42, "generic_failure", "radio error 42"},
      {SmsManager.RESULT_ERROR_RADIO_OFF, -1, "radio_off", null},
      {SmsManager.RESULT_ERROR_NO_SERVICE, -1, "no_service", null},
      {SmsManager.RESULT_ERROR_NULL_PDU, -1, "null_pdu", null},
      {
        SmsManager.RESULT_ERROR_LIMIT_EXCEEDED,
        -1,
        "limit_exceeded",
        "prompt to allow more texts was declined"
      },
      {SmsManager.RESULT_ERROR_SHORT_CODE_NOT_ALLOWED, -1, "short_code_blocked", null},
      {SmsManager.RESULT_ERROR_SHORT_CODE_NEVER_ALLOWED, -1, "short_code_blocked", null},
      {SmsManager.RESULT_RIL_SIM_ABSENT, -1, "sim_unavailable", null},
      {SmsManager.RESULT_RIL_REQUEST_RATE_LIMITED, -1, "limit_exceeded", null},
      {SmsManager.RESULT_NETWORK_REJECT, -1, "no_service", null},
      {SmsManager.RESULT_RADIO_NOT_AVAILABLE, -1, "radio_off", null},
      {SmsManager.RESULT_MODEM_ERROR, 7, "generic_failure", "result 16, radio error 7"},
    };
    int n = 0;
    for (Object[] c : cases) {
      String key = "key-path-fail-" + (1000 + n++);
      request(key, "Hello", 1);
      Intent fillIn = new Intent().putExtra("errorCode", (Integer) c[1]);
      fire(sentIntents(1).get(0), (Integer) c[0], fillIn);
      JsonObject status = lastStatus();
      assertEquals(key, status.get("key").getAsString());
      assertEquals("code " + c[0], "failed", status.get("state").getAsString());
      assertEquals("code " + c[0], c[2], status.get("reason").getAsString());
      if (c[3] != null) {
        assertTrue(
            status.get("detail").getAsString(),
            status.get("detail").getAsString().contains((String) c[3]));
      }
      assertTrue(status.get("detail").getAsString().length() <= 200);
    }
  }

  @Test
  public void onePartFailingFailsTheWholeText() throws Exception {
    request("key-path-partial-1", AndroidSmsSenderTest.LONG, 2);
    List<PendingIntent> sent = sentIntents(2);
    fire(sent.get(0), Activity.RESULT_OK, new Intent());
    fire(sent.get(1), SmsManager.RESULT_ERROR_NO_SERVICE, new Intent());
    JsonObject status = lastStatus();
    assertEquals("failed", status.get("state").getAsString());
    assertEquals("no_service", status.get("reason").getAsString());
    assertEquals(1, status.getAsJsonObject("parts").get("sent").getAsInt());
    int before = peer.sent.size();
    fire(sent.get(2), Activity.RESULT_OK, new Intent());
    assertEquals("failed is final", before, peer.sent.size());
  }

  @Test
  public void aFailedDeliveryReportFailsTheText() throws Exception {
    request("key-path-undeliv-1", "Hello", 1);
    fire(sentIntents(1).get(0), Activity.RESULT_OK, new Intent());
    fire(deliveryIntents(1).get(0), Activity.RESULT_OK, report("41"));
    assertEquals("failed", lastStatus().get("state").getAsString());
    assertEquals("delivery report status 0x41", lastStatus().get("detail").getAsString());
  }

  @Test
  public void reportsThatArriveWhileTheEngineIsDownAreHandedOverWhenItStarts() throws Exception {
    request("key-path-later-001", "Hello", 1);
    ReportRelay.detach(); // the service stopped, the radio still reports
    fire(sentIntents(1).get(0), Activity.RESULT_OK, new Intent());
    assertEquals("accepted", lastStatus().get("state").getAsString());
    ReportRelay.attach(app, sender.reportSink(), Runnable::run);
    assertEquals("sent", lastStatus().get("state").getAsString());
  }

  @Test
  public void aRepeatedKeyNeverSendsTwiceAcrossARestart() throws Exception {
    request("key-path-repeat-01", "Only once", 1);
    fire(sentIntents(1).get(0), Activity.RESULT_OK, new Intent());
    shadowOf(AndroidSmsSenderTest.managerFor(app, 1)).clearLastSentMultipartTextMessageParams();
    ReportRelay.detach();
    CompanionDatabase.closeShared(); // the process dies; the journal is all that is left
    peer = new RecordingPeer("aa");
    startQueue();

    request("key-path-repeat-01", "Only once", 1);
    assertNull(
        "not handed to the radio again",
        shadowOf(AndroidSmsSenderTest.managerFor(app, 1)).getLastSentMultipartTextMessageParams());
    assertEquals("the key's current state", "sent", lastStatus().get("state").getAsString());
  }

  @Test
  public void aKeyRecordedButNeverHandedOverBecomesUnknownAndIsNotSent() throws Exception {
    // The process died between the journal write and SmsManager.
    journal.insert(
        SendRecord.accepted(
            "key-path-crash-001",
            Collections.singletonList("+447700900123"),
            "00",
            1,
            System.currentTimeMillis()));
    ReportRelay.detach();
    CompanionDatabase.closeShared();
    startQueue();
    assertEquals(SendState.UNKNOWN, journal.find("key-path-crash-001").get().state);
    request("key-path-crash-001", "Maybe sent", 1);
    assertEquals("unknown", lastStatus().get("state").getAsString());
    assertNull(
        shadowOf(AndroidSmsSenderTest.managerFor(app, 1)).getLastSentMultipartTextMessageParams());
  }

  static byte[] hex(String s) {
    byte[] b = new byte[s.length() / 2];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
    }
    return b;
  }
}
