package app.textbridge.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.textbridge.core.PhoneConfig;
import app.textbridge.core.PhoneCore;
import app.textbridge.core.crypto.KeyPair;
import app.textbridge.core.crypto.Nacl;
import app.textbridge.core.protocol.HandshakeException;
import app.textbridge.core.protocol.QrPayload;
import app.textbridge.core.protocol.handshake.HandshakePayload;
import app.textbridge.core.protocol.handshake.PairingInitiator;
import app.textbridge.core.protocol.handshake.PairingResponder;
import app.textbridge.core.protocol.handshake.ReconnectInitiator;
import app.textbridge.core.protocol.handshake.ReconnectResponder;
import app.textbridge.core.testutil.FakeTransport;
import app.textbridge.core.testutil.TestPorts;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every single bit flipped in each of the four handshake messages fails cleanly: no session, no
 * stored state changed, no pairing prompt (the TypeScript property tests, mirrored).
 */
class HandshakeBitFlipTest {
  private static final Set<Integer> HANDSHAKE_CLOSES =
      new HashSet<>(Arrays.asList(4000, 4001, 4002, 4006, 4008));
  private final KeyPair desktop = KeyPair.generate();
  private final HandshakePayload desktopPayload =
      new HandshakePayload("Laptop", "a1b2c3d4e5f60718293a4b5c6d7e8f90");
  private TestPorts ports;
  private PhoneCore core;

  @BeforeEach
  void start() throws Exception {
    ports = new TestPorts();
    core = ports.core(new PhoneConfig());
  }

  @AfterEach
  void stop() {
    core.stop();
    ports.scheduler.close();
  }

  private static byte[] flip(byte[] m, int bit) {
    byte[] c = m.clone();
    c[bit >> 3] ^= (byte) (1 << (bit & 7));
    return c;
  }

  @Test
  void pairInit() throws Exception {
    byte[] pairingId = Nacl.randomBytes(16);
    byte[] secret = Nacl.randomBytes(32);
    String uri =
        QrPayload.encode(
            pairingId,
            desktop.publicKey(),
            secret,
            System.currentTimeMillis() / 1000 + 100,
            "Laptop");
    byte[] init =
        new PairingInitiator(desktop, desktopPayload, pairingId, secret, null).writeInit();
    int writes = ports.keys.writes();
    for (int bit = 0; bit < init.length * 8; bit++) {
      core.scanQr(uri);
      FakeTransport t = new FakeTransport();
      core.admit(t).onBinary(flip(init, bit));
      assertTrue(HANDSHAKE_CLOSES.contains(t.closeCode), "bit " + bit + " closed " + t.closeCode);
      assertTrue(t.sent.isEmpty(), "bit " + bit + ": nothing may be sent");
      boolean inHeader = bit < 16;
      boolean inPairingId = bit >= 16 && bit < 18 * 8;
      if (inHeader) {
        // Version or kind changed (0x01 may become RECONNECT_INIT 0x03): no pairing id was named.
        assertNotNull(core.scannedQr().pending());
      } else if (inPairingId) {
        assertEquals(4008, t.closeCode);
        assertNotNull(core.scannedQr().pending(), "a stranger's id must not burn the QR");
      } else {
        assertNull(core.scannedQr().pending(), "bit " + bit + ": an attempt burns the QR");
      }
    }
    assertEquals(0, ports.prompt.shown.get());
    assertEquals(writes, ports.keys.writes());
    assertEquals(0, core.sessionCount());
    assertEquals(0, core.pendingCount());
  }

  @Test
  void pairResp() throws Exception {
    byte[] pairingId = Nacl.randomBytes(16);
    byte[] secret = Nacl.randomBytes(32);
    KeyPair phone = KeyPair.generate();
    KeyPair ed = KeyPair.generate();
    byte[] init = new PairingInitiator(desktop, desktopPayload, pairingId, secret, ed).writeInit();
    PairingResponder p =
        new PairingResponder(
            phone,
            new HandshakePayload("Phone", "b1b2c3d4e5f60718293a4b5c6d7e8f90"),
            pairingId,
            secret,
            desktop.publicKey(),
            null);
    p.readInit(init);
    byte[] resp = p.writeResp();
    for (int bit = 0; bit < resp.length * 8; bit++) {
      PairingInitiator d = new PairingInitiator(desktop, desktopPayload, pairingId, secret, ed);
      d.writeInit();
      byte[] bad = flip(resp, bit);
      assertThrows(HandshakeException.class, () -> d.readResp(bad), "bit " + bit);
      assertThrows(HandshakeException.class, () -> d.readResp(resp), "no second try");
    }
  }

  @Test
  void reconnectInit() throws Exception {
    ports.keys.savePairedDesktop(
        new app.textbridge.core.model.PairedDesktop(
            desktop.publicKey(), "Laptop", "a1b2c3d4e5f60718293a4b5c6d7e8f90", 1));
    core.stop();
    core = ports.core(new PhoneConfig());
    byte[] init =
        new ReconnectInitiator(desktop, HandshakePayload.EMPTY, core.staticPublicKey(), null)
            .writeInit();
    int writes = ports.keys.writes();
    for (int bit = 0; bit < init.length * 8; bit++) {
      FakeTransport t = new FakeTransport();
      core.admit(t).onBinary(flip(init, bit));
      assertTrue(HANDSHAKE_CLOSES.contains(t.closeCode), "bit " + bit + " closed " + t.closeCode);
      assertTrue(t.sent.isEmpty(), "bit " + bit);
    }
    assertEquals(writes, ports.keys.writes());
    assertEquals(0, core.sessionCount());
    assertEquals(0, ports.prompt.shown.get());
    // The unflipped message still works: the failures were the flips, not the setup.
    FakeTransport ok = new FakeTransport();
    core.admit(ok).onBinary(init);
    assertEquals(-1, ok.closeCode);
    assertEquals(2, ok.sent.size(), "RECONNECT_RESP and hello");
  }

  @Test
  void reconnectResp() throws Exception {
    KeyPair phone = KeyPair.generate();
    KeyPair ed = KeyPair.generate();
    byte[] init =
        new ReconnectInitiator(desktop, HandshakePayload.EMPTY, phone.publicKey(), ed).writeInit();
    ReconnectResponder p =
        new ReconnectResponder(
            phone, HandshakePayload.EMPTY, k -> Arrays.equals(k, desktop.publicKey()), null);
    p.readInit(init);
    byte[] resp = p.writeResp();
    for (int bit = 0; bit < resp.length * 8; bit++) {
      ReconnectInitiator d =
          new ReconnectInitiator(desktop, HandshakePayload.EMPTY, phone.publicKey(), ed);
      d.writeInit();
      byte[] bad = flip(resp, bit);
      assertThrows(HandshakeException.class, () -> d.readResp(bad), "bit " + bit);
    }
  }

  @Test
  void lowOrderEphemeralIsRefusedBeforeAnyPrompt() throws Exception {
    byte[] pairingId = Nacl.randomBytes(16);
    byte[] secret = Nacl.randomBytes(32);
    core.scanQr(
        QrPayload.encode(
            pairingId,
            desktop.publicKey(),
            secret,
            System.currentTimeMillis() / 1000 + 100,
            "Laptop"));
    byte[] lowOrder = new byte[32];
    lowOrder[0] = 1;
    KeyPair evil = KeyPair.ofUnchecked(KeyPair.generate().secretKey(), lowOrder);
    byte[] init =
        new PairingInitiator(desktop, desktopPayload, pairingId, secret, evil).writeInit();
    FakeTransport t = new FakeTransport();
    core.admit(t).onBinary(init);
    assertEquals(4001, t.closeCode);
    assertEquals(0, ports.prompt.shown.get());
  }
}
