package app.textbridge.companion.engine;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;

import android.Manifest;
import android.app.Activity;
import android.app.Application;
import android.app.Notification;
import android.app.NotificationManager;
import android.content.Intent;
import android.telephony.SmsManager;
import android.telephony.SubscriptionManager;
import app.textbridge.companion.keys.SoftwareCipher;
import app.textbridge.companion.provider.Phone;
import app.textbridge.companion.send.MmsResultRelay;
import app.textbridge.companion.send.ReportRelay;
import app.textbridge.companion.service.MirrorEngine;
import app.textbridge.companion.service.MirrorEngines;
import app.textbridge.companion.service.MirrorService;
import app.textbridge.companion.service.TestEngines;
import app.textbridge.companion.store.CompanionDatabase;
import app.textbridge.core.crypto.KeyPair;
import app.textbridge.core.crypto.Nacl;
import app.textbridge.core.protocol.QrPayload;
import app.textbridge.core.protocol.message.Message;
import app.textbridge.core.protocol.message.MessageType;
import app.textbridge.core.testutil.DesktopClient;
import app.textbridge.core.testutil.Uploads;
import com.google.android.mms.pdu.EncodedStringValue;
import com.google.android.mms.pdu.PduParser;
import com.google.android.mms.pdu.SendReq;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.android.controller.ServiceController;
import org.robolectric.shadows.ShadowLooper;
import org.robolectric.shadows.ShadowSmsManager;
import org.robolectric.shadows.ShadowSubscriptionManager;

/**
 * MMS through the running engine: hello offers send.mms and send.group with each SIM's limit; a
 * picture uploaded by the desktop goes to two people as one MMS handed to SmsManager on the SIM the
 * desktop chose; the MMS service's result, through the manifest receiver and the relay the engine
 * attached, comes back as sent, naming the row it wrote.
 */
@RunWith(RobolectricTestRunner.class)
public class EngineMmsTest {
  private Application app;
  private CoreEngine engine;
  private ServiceController<MirrorService> service;

  @Before
  public void setUp() {
    app = RuntimeEnvironment.getApplication();
    shadowOf(app)
        .grantPermissions(
            Manifest.permission.READ_SMS,
            Manifest.permission.SEND_SMS,
            Manifest.permission.READ_PHONE_STATE);
    shadowOf(app.getSystemService(SubscriptionManager.class))
        .setActiveSubscriptionInfos(
            ShadowSubscriptionManager.SubscriptionInfoBuilder.newBuilder()
                .setId(1)
                .setSimSlotIndex(0)
                .setDisplayName("Personal")
                .buildSubscriptionInfo(),
            ShadowSubscriptionManager.SubscriptionInfoBuilder.newBuilder()
                .setId(2)
                .setSimSlotIndex(1)
                .setDisplayName("Work")
                .buildSubscriptionInfo());
    EngineOptions options = new EngineOptions();
    options.port = 0;
    options.cipher = new SoftwareCipher();
    engine = new CoreEngine(app, options);
    MirrorEngines.install(engine);
  }

  @After
  public void tearDown() throws Exception {
    if (service != null && MirrorService.isRunning()) {
      service.destroy();
      engine.awaitIdle();
    }
    ReportRelay.detach();
    MmsResultRelay.detach();
    CompanionDatabase.closeShared();
    TestEngines.uninstall();
  }

  private void until(java.util.function.BooleanSupplier done, String what) throws Exception {
    long end = System.currentTimeMillis() + 10_000;
    while (!done.getAsBoolean()) {
      if (System.currentTimeMillis() > end) {
        throw new AssertionError("timed out waiting for " + what);
      }
      ShadowLooper.idleMainLooper();
      Thread.sleep(20);
    }
  }

  /** Starts the service and pairs a desktop that understands the MMS reasons; returns its hello. */
  private DesktopClient pair(JsonObject[] phoneHello) throws Exception {
    Phone.install(false);
    Intent intent = new Intent(app, MirrorService.class).setAction(MirrorService.ACTION_START);
    service = Robolectric.buildService(MirrorService.class, intent).create();
    service.get().onStartCommand(intent, 0, 1);
    engine.awaitIdle();
    assertNotNull("the engine is running", engine.running());
    KeyPair desktop = KeyPair.generate();
    byte[] pairingId = Nacl.randomBytes(16);
    byte[] secret = Nacl.randomBytes(32);
    String qr =
        QrPayload.encode(
            pairingId, desktop.publicKey(), secret, System.currentTimeMillis() / 1000 + 120, "D");
    assertEquals(MirrorEngine.ScanResult.WAITING_FOR_COMPUTER, engine.onPairingCode(qr));
    engine.awaitIdle();
    DesktopClient client = DesktopClient.open(engine.status().port);
    client.extraCapabilities = new String[] {"send.mms", "send.waiting"};
    client.pair(desktop, pairingId, secret, "Test desktop");
    phoneHello[0] = client.awaitType(MessageType.HELLO, 10_000).body();
    NotificationManager nm = app.getSystemService(NotificationManager.class);
    until(() -> pairingNotification(nm) != null, "the pairing notification");
    pairingNotification(nm).actions[0].actionIntent.send(); // "Pair"
    ShadowLooper.idleMainLooper();
    assertTrue(
        client.awaitType(MessageType.PAIR_RESULT, 10_000).body().get("accepted").getAsBoolean());
    return client;
  }

  @Test
  public void aPictureToTwoIsOneMmsOnTheChosenSimAndItsResultComesBack() throws Exception {
    JsonObject[] hello = new JsonObject[1];
    DesktopClient client = pair(hello);
    List<String> caps = new ArrayList<>();
    for (JsonElement e : hello[0].getAsJsonArray("capabilities")) caps.add(e.getAsString());
    assertTrue(caps.toString(), caps.contains("send.mms") && caps.contains("send.group"));
    for (JsonElement sim : hello[0].getAsJsonArray("sims")) {
      assertEquals(
          "Android's default without a carrier config",
          300 * 1024,
          sim.getAsJsonObject().get("mmsMaxBytes").getAsInt());
    }

    byte[] jpeg = Uploads.jpeg(20_000);
    String upload = "engine-upload-0000001";
    String up =
        client.request(
            MessageType.ATTACHMENT_UPLOAD,
            Uploads.chunk(upload, 0, jpeg.length, "image/jpeg", "IMG_0042.jpg", jpeg));
    assertEquals(20_000, client.awaitReply(up, 5_000).body().get("received").getAsInt());

    String key = "engine-mms-key-000001";
    JsonObject send =
        Uploads.send(
            key, "Pictures", new String[] {"+447700900123", "+447700900456"}, upload, "image/jpeg");
    send.addProperty("subId", 2);
    String id = client.request(MessageType.SEND_REQUEST, send);
    assertEquals("accepted", client.awaitReply(id, 5_000).body().get("state").getAsString());

    SmsManager sim2 = app.getSystemService(SmsManager.class).createForSubscriptionId(2);
    SmsManager sim1 = app.getSystemService(SmsManager.class).createForSubscriptionId(1);
    until(
        () -> shadowOf(sim2).getLastSentMultimediaMessageParams() != null,
        "the hand-over to SmsManager");
    ShadowSmsManager.SendMultimediaMessageParams params =
        shadowOf(sim2).getLastSentMultimediaMessageParams();
    assertNull("nothing on the other SIM", shadowOf(sim1).getLastSentMultimediaMessageParams());
    assertNull("and no texts", shadowOf(sim2).getLastSentMultipartTextMessageParams());
    SendReq pdu = (SendReq) new PduParser(read(params.getContentUri()), true).parse();
    EncodedStringValue[] to = pdu.getTo();
    assertEquals("one MMS to both", 2, to.length);
    assertEquals("+447700900123", to[0].getString());
    assertEquals("+447700900456", to[1].getString());
    assertEquals(3, pdu.getBody().getPartsNum()); // SMIL, the picture, the text

    params
        .getSentIntent()
        .send(app, Activity.RESULT_OK, new Intent().putExtra("uri", "content://mms/sent/31"));
    ShadowLooper.idleMainLooper();
    Message sent =
        client.await(
            m ->
                m.type == MessageType.SEND_STATUS
                    && m.body().get("state").getAsString().equals("sent"),
            10_000);
    assertEquals("mms:31", sent.body().get("messageId").getAsString());
    JsonObject parts = sent.body().getAsJsonObject("parts");
    assertEquals(2, parts.get("total").getAsInt());
    assertEquals(2, parts.get("sent").getAsInt());
    client.closeBlocking();
  }

  private byte[] read(android.net.Uri uri) throws Exception {
    try (InputStream in = app.getContentResolver().openInputStream(uri)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      for (int n; (n = in.read(buf)) > 0; ) out.write(buf, 0, n);
      return out.toByteArray();
    }
  }

  private static Notification pairingNotification(NotificationManager nm) {
    for (Notification n : shadowOf(nm).getAllNotifications()) {
      if ("pairing".equals(n.getChannelId())) {
        return n;
      }
    }
    return null;
  }
}
