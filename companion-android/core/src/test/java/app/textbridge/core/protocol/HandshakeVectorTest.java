package app.textbridge.core.protocol;

import static app.textbridge.core.crypto.Bytes.hex;
import static app.textbridge.core.crypto.Bytes.unhex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.textbridge.core.crypto.Bytes;
import app.textbridge.core.crypto.KeyPair;
import app.textbridge.core.protocol.handshake.HandshakePayload;
import app.textbridge.core.protocol.handshake.HandshakeResult;
import app.textbridge.core.protocol.handshake.PairingInitiator;
import app.textbridge.core.protocol.handshake.PairingResponder;
import app.textbridge.core.protocol.handshake.ReconnectInitiator;
import app.textbridge.core.protocol.handshake.ReconnectResponder;
import app.textbridge.core.testutil.Vectors;
import com.google.gson.JsonObject;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** pairing.json and reconnect.json, byte for byte, in both roles. */
class HandshakeVectorTest {
  static KeyPair pair(JsonObject v, String name) {
    return KeyPair.fromSecret(unhex(v.getAsJsonObject(name).get("secretKey").getAsString()));
  }

  static HandshakePayload payload(JsonObject v, String name) {
    JsonObject p = v.getAsJsonObject(name);
    return new HandshakePayload(
        p.has("name") ? p.get("name").getAsString() : null,
        p.has("id") ? p.get("id").getAsString() : null);
  }

  static String str(JsonObject v, String k) {
    return v.get(k).getAsString();
  }

  static void assertKeys(JsonObject v, HandshakeResult r) {
    assertEquals(str(v, "handshakeHash"), hex(r.handshakeHash()));
    assertEquals(str(v, "desktopToPhone"), hex(r.keys.desktopToPhone()));
    assertEquals(str(v, "phoneToDesktop"), hex(r.keys.phoneToDesktop()));
  }

  @Test
  void pairingVectorsBothRoles() throws Exception {
    JsonObject v = Vectors.load("pairing.json");
    KeyPair desktop = pair(v, "desktopStatic");
    KeyPair phone = pair(v, "phoneStatic");
    assertEquals(str(v.getAsJsonObject("phoneStatic"), "publicKey"), hex(phone.publicKey()));
    assertEquals(str(v, "desktopPayloadBytes"), hex(payload(v, "desktopPayload").encode()));
    assertEquals(str(v, "phonePayloadBytes"), hex(payload(v, "phonePayload").encode()));
    byte[] pairingId = unhex(str(v, "pairingId"));
    byte[] secret = unhex(str(v, "secret"));
    PairingInitiator d =
        new PairingInitiator(
            desktop, payload(v, "desktopPayload"), pairingId, secret, pair(v, "desktopEphemeral"));
    byte[] init = d.writeInit();
    assertEquals(str(v, "init"), hex(init));
    PairingResponder p =
        new PairingResponder(
            phone,
            payload(v, "phonePayload"),
            pairingId,
            secret,
            desktop.publicKey(),
            pair(v, "phoneEphemeral"));
    assertArrayEquals(pairingId, PairingResponder.peekPairingId(init));
    HandshakePayload fromDesktop = p.readInit(init);
    assertEquals("Ada’s laptop", fromDesktop.name);
    byte[] resp = p.writeResp();
    assertEquals(str(v, "resp"), hex(resp));
    HandshakeResult desktopResult = d.readResp(resp);
    HandshakeResult phoneResult = p.result();
    assertKeys(v, desktopResult);
    assertKeys(v, phoneResult);
    assertEquals(str(v, "sas"), desktopResult.sas);
    assertEquals(str(v, "sas"), phoneResult.sas);
    assertArrayEquals(phone.publicKey(), desktopResult.remoteStatic());
    assertEquals(str(v.getAsJsonObject("phonePayload"), "id"), desktopResult.remotePayload.id);
  }

  @Test
  void reconnectVectorsBothRoles() throws Exception {
    JsonObject v = Vectors.load("reconnect.json");
    KeyPair desktop = pair(v, "desktopStatic");
    KeyPair phone = pair(v, "phoneStatic");
    ReconnectInitiator d =
        new ReconnectInitiator(
            desktop, payload(v, "desktopPayload"), phone.publicKey(), pair(v, "desktopEphemeral"));
    byte[] init = d.writeInit();
    assertEquals(str(v, "init"), hex(init));
    ReconnectResponder p =
        new ReconnectResponder(
            phone,
            payload(v, "phonePayload"),
            k -> Arrays.equals(k, desktop.publicKey()),
            pair(v, "phoneEphemeral"));
    assertArrayEquals(desktop.publicKey(), p.readInit(init));
    byte[] resp = p.writeResp();
    assertEquals(str(v, "resp"), hex(resp));
    assertKeys(v, d.readResp(resp));
    assertKeys(v, p.result());
    assertEquals(null, p.result().sas);
    assertEquals(Bytes.hex(desktop.publicKey()), Bytes.hex(p.result().remoteStatic()));
  }
}
