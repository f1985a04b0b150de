package app.textbridge.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.textbridge.core.PhoneConfig;
import app.textbridge.core.crypto.KeyPair;
import app.textbridge.core.protocol.message.Message;
import app.textbridge.core.protocol.message.MessageType;
import app.textbridge.core.testutil.DesktopClient;
import app.textbridge.core.testutil.PhoneFixture;
import app.textbridge.core.testutil.TestPorts.ScriptedPrompt;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Pairing confirmation over a real socket (§5.3) and reconnect (§5.4), several desktops. */
@Timeout(60)
class PairingSessionTest {
  @Test
  void acceptedPairingStoresTheDesktopAndReconnectWorks() throws Exception {
    try (PhoneFixture phone = new PhoneFixture(new PhoneConfig())) {
      KeyPair desktop = KeyPair.generate();
      DesktopClient c = phone.pair(desktop);
      Message hello = c.awaitType(MessageType.HELLO, 5000);
      assertEquals("phone", hello.body().get("role").getAsString());
      Message result = c.awaitType(MessageType.PAIR_RESULT, 5000);
      assertTrue(result.body().get("accepted").getAsBoolean());
      assertEquals(phone.ports.prompt.lastSas, c.result.sas);
      assertEquals(1, phone.core.pairedDesktops().size());
      assertEquals("Test desktop", phone.core.pairedDesktops().get(0).name);
      JsonObject ts = new JsonObject();
      ts.addProperty("ts", 5);
      String id = c.request(MessageType.PING, ts);
      assertEquals(5, c.awaitReply(id, 5000).body().get("ts").getAsLong());
      c.closeBlocking();

      // Reconnect with the pinned key; a second desktop at the same time.
      DesktopClient again = DesktopClient.open(phone.port);
      again.reconnect(desktop, phone.core.staticPublicKey());
      again.awaitType(MessageType.HELLO, 5000);
      KeyPair other = KeyPair.generate();
      DesktopClient second = phone.pair(other);
      second.awaitType(MessageType.PAIR_RESULT, 5000);
      assertEquals(2, phone.core.pairedDesktops().size());
      String p1 = again.request(MessageType.PING, ts);
      String p2 = second.request(MessageType.PING, ts);
      again.awaitReply(p1, 5000);
      second.awaitReply(p2, 5000);
      assertEquals(2, phone.core.sessionCount());
    }
  }

  @Test
  void rejectedPairingStoresNothingAndCloses4007() throws Exception {
    try (PhoneFixture phone = new PhoneFixture(new PhoneConfig())) {
      phone.ports.prompt.mode = ScriptedPrompt.Mode.HOLD;
      int writes = phone.ports.keys.writes();
      DesktopClient c = phone.pair(KeyPair.generate());
      c.awaitType(MessageType.HELLO, 5000);
      // The user reads the code and says no.
      for (int i = 0; i < 500 && phone.ports.prompt.shown.get() == 0; i++) Thread.sleep(10);
      assertEquals(c.result.sas, phone.ports.prompt.lastSas);
      phone.ports.prompt.last.reject();
      phone.ports.prompt.last.accept();
      Message result = c.awaitType(MessageType.PAIR_RESULT, 5000);
      assertFalse(result.body().get("accepted").getAsBoolean());
      assertEquals("user_rejected", result.body().get("reason").getAsString());
      assertEquals(4007, c.awaitClose(5000));
      assertEquals(writes, phone.ports.keys.writes());
      assertTrue(phone.core.pairedDesktops().isEmpty());
    }
  }

  @Test
  void unansweredPromptTimesOutWith4007AndRequestsWaitUntilAccepted() throws Exception {
    PhoneConfig config = new PhoneConfig();
    config.pairingConfirmMs = 1500;
    try (PhoneFixture phone = new PhoneFixture(config)) {
      phone.ports.prompt.mode = ScriptedPrompt.Mode.HOLD;
      DesktopClient c = phone.pair(KeyPair.generate());
      c.awaitType(MessageType.HELLO, 5000);
      JsonObject sub = new JsonObject();
      sub.add("watermark", com.google.gson.JsonNull.INSTANCE);
      String id = c.request(MessageType.SYNC_SUBSCRIBE, sub);
      Message refused = c.awaitReply(id, 5000);
      assertEquals(MessageType.ERROR, refused.type);
      assertEquals("not_ready", refused.body().get("code").getAsString());
      Message result = c.awaitType(MessageType.PAIR_RESULT, 5000);
      assertEquals("timeout", result.body().get("reason").getAsString());
      assertEquals(4007, c.awaitClose(5000));
      assertEquals(1, phone.ports.prompt.dismissed.get());
      assertTrue(phone.core.pairedDesktops().isEmpty());
    }
  }

  @Test
  void unpairFromTheDesktopForgetsIt() throws Exception {
    try (PhoneFixture phone = new PhoneFixture(new PhoneConfig())) {
      KeyPair desktop = KeyPair.generate();
      DesktopClient c = phone.pair(desktop);
      c.awaitType(MessageType.PAIR_RESULT, 5000);
      String instance = phone.core.instanceId();
      String id = c.request(MessageType.UNPAIR, new JsonObject());
      assertEquals(MessageType.ACK, c.awaitReply(id, 5000).type);
      assertEquals(4009, c.awaitClose(5000));
      assertTrue(phone.core.pairedDesktops().isEmpty());
      assertFalse(
          instance.equals(phone.core.instanceId()), "fresh instance id after the last unpair");
      DesktopClient again = DesktopClient.open(phone.port);
      again.send(
          new app.textbridge.core.protocol.handshake.ReconnectInitiator(
                  desktop,
                  app.textbridge.core.protocol.handshake.HandshakePayload.EMPTY,
                  phone.core.staticPublicKey(),
                  null)
              .writeInit());
      assertEquals(4006, again.awaitClose(5000));
    }
  }

  @Test
  void unpairFromThePhoneTellsTheDesktop() throws Exception {
    try (PhoneFixture phone = new PhoneFixture(new PhoneConfig())) {
      KeyPair desktop = KeyPair.generate();
      DesktopClient c = phone.pair(desktop);
      c.awaitType(MessageType.PAIR_RESULT, 5000);
      phone.core.unpair(DesktopClient.hex(desktop.publicKey()));
      Message unpair = c.awaitType(MessageType.UNPAIR, 5000);
      assertNotNull(unpair.id);
      c.sendMessage(Message.reply(MessageType.ACK, unpair.id, new JsonObject()));
      assertEquals(4009, c.awaitClose(5000));
      assertNull(phone.core.lastSynced(DesktopClient.hex(desktop.publicKey())));
      assertTrue(phone.core.pairedDesktops().isEmpty());
    }
  }

  @Test
  void silentDesktopIsClosedWith4011() throws Exception {
    PhoneConfig config = new PhoneConfig();
    config.keepaliveTimeoutMs = 700;
    try (PhoneFixture phone = new PhoneFixture(config)) {
      DesktopClient c = phone.pair(KeyPair.generate());
      c.awaitType(MessageType.PAIR_RESULT, 5000);
      long start = System.currentTimeMillis();
      assertEquals(4011, c.awaitClose(5000));
      assertTrue(System.currentTimeMillis() - start < 3000);
    }
  }
}
