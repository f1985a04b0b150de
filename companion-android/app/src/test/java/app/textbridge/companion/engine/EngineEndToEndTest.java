package app.textbridge.companion.engine;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;

import android.Manifest;
import android.app.Application;
import android.app.Notification;
import android.app.NotificationManager;
import android.content.Intent;
import android.net.nsd.NsdManager;
import android.net.nsd.NsdServiceInfo;
import android.net.wifi.WifiManager;
import android.telephony.SmsManager;
import android.telephony.SubscriptionManager;
import app.textbridge.companion.keys.SoftwareCipher;
import app.textbridge.companion.provider.Phone;
import app.textbridge.companion.send.ReportRelay;
import app.textbridge.companion.service.AppState;
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
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.android.controller.ServiceController;
import org.robolectric.shadows.ShadowLooper;
import org.robolectric.shadows.ShadowSubscriptionManager;
import org.robolectric.shadows.ShadowSystemClock;

/**
 * The phone as a whole, over loopback, against core's desktop-role test client: the service starts
 * the engine, which advertises with NsdManager (multicast lock held); a scanned code is confirmed
 * from the pairing notification; a provider insert is pushed live as message.new; a send goes to
 * SmsManager; after a service restart (a new PhoneCore on the same journal) the same key is not
 * sent again; stopping withdraws the advert and releases the lock.
 */
@RunWith(RobolectricTestRunner.class)
public class EngineEndToEndTest {
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
    CompanionDatabase.closeShared();
    TestEngines.uninstall();
  }

  private void startService() throws Exception {
    Intent intent = new Intent(app, MirrorService.class).setAction(MirrorService.ACTION_START);
    service = Robolectric.buildService(MirrorService.class, intent).create();
    service.get().onStartCommand(intent, 0, 1);
    engine.awaitIdle();
    assertNotNull("the engine is running", engine.running());
  }

  private NsdServiceInfo advertised() {
    NsdServiceInfo key = new NsdServiceInfo();
    key.setServiceName("Textbridge-" + engine.running().core.instanceId().substring(0, 8));
    key.setServiceType("_textbridge._tcp");
    NsdManager nsd = app.getSystemService(NsdManager.class);
    NsdManager.RegistrationListener l = shadowOf(nsd).getRegistrationListener(key);
    return l == null ? null : shadowOf(nsd).getRegisteredServiceInfo(l);
  }

  private static String txt(NsdServiceInfo info, String key) {
    Map<String, byte[]> a = info.getAttributes();
    return a.containsKey(key) ? new String(a.get(key), StandardCharsets.US_ASCII) : null;
  }

  private void until(java.util.function.BooleanSupplier done, String what) throws Exception {
    // Generous: on a loaded two-core machine the watcher's thread can lag the clock by seconds.
    long end = System.currentTimeMillis() + 30_000;
    while (!done.getAsBoolean()) {
      if (System.currentTimeMillis() > end) {
        throw new AssertionError("timed out waiting for " + what);
      }
      ShadowLooper.idleMainLooper();
      Thread.sleep(20);
    }
  }

  @Test
  public void pairPushSendRestartAndStop() throws Exception {
    Phone phone = Phone.install(false);
    phone.sms(1, "+447700900123", 1_700_000_000_000L, 1, "already here", 1, 1);
    startService();
    int port = engine.status().port;
    assertTrue(port > 0);

    NsdServiceInfo ad = advertised();
    assertNotNull("registered with NsdManager", ad);
    assertEquals(port, ad.getPort());
    assertEquals("1", txt(ad, "v"));
    assertEquals(engine.running().core.instanceId(), txt(ad, "id"));
    assertNull("no scanned code yet", txt(ad, "pt"));
    assertFalse(
        "the instance name carries no personal data", ad.getServiceName().contains("Robolectric"));
    WifiManager wifi = app.getSystemService(WifiManager.class);
    assertEquals("multicast lock held while advertising", 1, shadowOf(wifi).getActiveLockCount());

    // Pair: the code is scanned, the advert gains its pairing tag, the desktop connects.
    KeyPair desktop = KeyPair.generate();
    byte[] pairingId = Nacl.randomBytes(16);
    byte[] secret = Nacl.randomBytes(32);
    String qr =
        QrPayload.encode(
            pairingId,
            desktop.publicKey(),
            secret,
            System.currentTimeMillis() / 1000 + 120,
            "Test desktop");
    assertEquals(MirrorEngine.ScanResult.WAITING_FOR_COMPUTER, engine.onPairingCode(qr));
    engine.awaitIdle();
    until(() -> advertised() != null && txt(advertised(), "pt") != null, "the pairing tag in TXT");
    DesktopClient client = DesktopClient.open(port);
    client.pair(desktop, pairingId, secret, "Test desktop");

    NotificationManager nm = app.getSystemService(NotificationManager.class);
    until(() -> pairingNotification(nm) != null, "the pairing notification");
    Notification prompt = pairingNotification(nm);
    assertTrue(
        prompt
            .extras
            .getCharSequence(Notification.EXTRA_TEXT)
            .toString()
            .contains(client.result.sas.substring(0, 3) + " " + client.result.sas.substring(3)));
    prompt.actions[0].actionIntent.send(); // "Pair"
    ShadowLooper.idleMainLooper();
    Message result = client.awaitType(MessageType.PAIR_RESULT, 10_000);
    assertTrue(result.body().get("accepted").getAsBoolean());
    until(() -> !AppState.read(app).pairedComputers.isEmpty(), "the paired computer in the status");
    assertEquals("Test desktop", AppState.read(app).pairedComputers.values().iterator().next());

    // Live push: a text lands in the provider.
    JsonObject sub = new JsonObject();
    sub.add("watermark", JsonNull.INSTANCE);
    client.awaitReply(client.request(MessageType.SYNC_SUBSCRIBE, sub), 5_000);
    long id = phone.sms(1, "+447700900123", System.currentTimeMillis(), 1, "Are you coming?", 0, 2);
    phone.notifySms(id);
    Message pushed = awaitWhileTimePasses(client, MessageType.MESSAGE_NEW);
    assertEquals(
        "Are you coming?", pushed.body().getAsJsonObject("message").get("body").getAsString());
    assertEquals("sms:" + id, pushed.body().getAsJsonObject("message").get("id").getAsString());

    // Send on the SIM the desktop chose.
    String sendId = client.request(MessageType.SEND_REQUEST, send("e2e-key-0000000001", 2));
    assertEquals("accepted", client.awaitReply(sendId, 5_000).body().get("state").getAsString());
    SmsManager sim2 = app.getSystemService(SmsManager.class).createForSubscriptionId(2);
    until(
        () -> shadowOf(sim2).getLastSentMultipartTextMessageParams() != null,
        "the hand-over to SmsManager");
    assertEquals(
        "On my way",
        String.join("", shadowOf(sim2).getLastSentMultipartTextMessageParams().getParts()));
    shadowOf(sim2).clearLastSentMultipartTextMessageParams();
    client.closeBlocking();

    // The service restarts: a new PhoneCore on the same journal and keys.
    service.destroy();
    engine.awaitIdle();
    CompanionDatabase.closeShared();
    startService();
    DesktopClient again = DesktopClient.open(engine.status().port);
    again.reconnect(desktop, engine.running().core.staticPublicKey());
    String repeat = again.request(MessageType.SEND_REQUEST, send("e2e-key-0000000001", 2));
    assertEquals("accepted", again.awaitReply(repeat, 5_000).body().get("state").getAsString());
    Thread.sleep(200);
    assertNull(
        "the repeated key was not sent again",
        shadowOf(sim2).getLastSentMultipartTextMessageParams());
    again.closeBlocking();

    // Stop: the advert is withdrawn and the multicast lock released.
    NsdServiceInfo lastAd = advertised();
    assertNotNull(lastAd);
    service.destroy();
    engine.awaitIdle();
    until(() -> shadowOf(wifi).getActiveLockCount() == 0, "the multicast lock released");
    NsdManager nsd = app.getSystemService(NsdManager.class);
    assertNull("unregistered", shadowOf(nsd).getRegistrationListener(lastAd));
  }

  /**
   * Robolectric's clock stands still unless moved; the watcher's debounce is a delayed message on
   * its own thread, so keep time moving while waiting for the push.
   */
  private static Message awaitWhileTimePasses(DesktopClient client, MessageType type)
      throws Exception {
    // Generous: on a loaded two-core machine the watcher's thread can lag the clock by seconds.
    long end = System.currentTimeMillis() + 30_000;
    while (true) {
      ShadowSystemClock.advanceBy(Duration.ofMillis(250));
      try {
        return client.awaitType(type, 100);
      } catch (AssertionError e) {
        if (System.currentTimeMillis() > end) {
          throw e;
        }
      }
    }
  }

  private static JsonObject send(String key, int subId) {
    JsonObject b = new JsonObject();
    b.addProperty("key", key);
    JsonArray to = new JsonArray();
    to.add("+447700900123");
    b.add("to", to);
    b.addProperty("body", "On my way");
    b.addProperty("subId", subId);
    return b;
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
