package app.textbridge.core.pairing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.textbridge.core.PhoneConfig;
import app.textbridge.core.PhoneCore;
import app.textbridge.core.crypto.KeyPair;
import app.textbridge.core.crypto.Nacl;
import app.textbridge.core.protocol.Discovery;
import app.textbridge.core.protocol.HandshakeException;
import app.textbridge.core.protocol.QrException;
import app.textbridge.core.protocol.QrPayload;
import app.textbridge.core.protocol.handshake.HandshakePayload;
import app.textbridge.core.protocol.handshake.PairingInitiator;
import app.textbridge.core.testutil.FakeTransport;
import app.textbridge.core.testutil.TestPorts;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** QR single use, expiry, and burning by one wrong attempt (§4, §5.3). */
class ScannedQrSlotTest {
  private final AtomicLong now = new AtomicLong(1_700_000_000_000L);
  private final KeyPair desktop = KeyPair.generate();
  private final byte[] id = Nacl.randomBytes(16);
  private final byte[] secret = Nacl.randomBytes(32);

  private String uri(long expSeconds) {
    return QrPayload.encode(id, desktop.publicKey(), secret, expSeconds, "Laptop");
  }

  @Test
  void singleUse() throws Exception {
    ScannedQrSlot slot = new ScannedQrSlot(now::get);
    slot.scan(uri(now.get() / 1000 + 120));
    assertEquals(Discovery.pairingTag(secret), slot.tag());
    assertNotNull(slot.attempt(id));
    assertThrows(HandshakeException.class, () -> slot.attempt(id));
    assertNull(slot.tag());
  }

  @Test
  void heldAtMost120Seconds() throws Exception {
    ScannedQrSlot slot = new ScannedQrSlot(now::get);
    slot.scan(uri(now.get() / 1000 + 500));
    now.addAndGet(119_999);
    assertNotNull(slot.pending());
    now.addAndGet(1);
    assertNull(slot.pending());
    HandshakeException e = assertThrows(HandshakeException.class, () -> slot.attempt(id));
    assertEquals(HandshakeException.Code.NO_PENDING_PAIRING, e.code);
  }

  @Test
  void expiredPayloadIsRefusedAndNothingStored() {
    ScannedQrSlot slot = new ScannedQrSlot(now::get);
    QrException e = assertThrows(QrException.class, () -> slot.scan(uri(now.get() / 1000 - 31)));
    assertEquals(QrException.Code.EXPIRED_QR, e.code);
    assertNull(slot.pending());
  }

  @Test
  void strangerKeepsItWrongSecretBurnsIt() throws Exception {
    TestPorts ports = new TestPorts();
    PhoneCore core = ports.core(new PhoneConfig());
    try {
      core.scanQr(uri(System.currentTimeMillis() / 1000 + 60));
      HandshakePayload p = new HandshakePayload("Laptop", "a1b2c3d4e5f60718293a4b5c6d7e8f90");
      byte[] strangerInit =
          new PairingInitiator(
                  KeyPair.generate(), p, Nacl.randomBytes(16), Nacl.randomBytes(32), null)
              .writeInit();
      FakeTransport t1 = new FakeTransport();
      core.admit(t1).onBinary(strangerInit);
      assertEquals(4008, t1.closeCode);
      assertNotNull(core.scannedQr().pending());
      assertEquals(
          Discovery.pairingTag(secret),
          ports.advertiser.last() == null ? Discovery.pairingTag(secret) : core.scannedQr().tag());

      byte[] wrongSecret =
          new PairingInitiator(desktop, p, id, Nacl.randomBytes(32), null).writeInit();
      FakeTransport t2 = new FakeTransport();
      core.admit(t2).onBinary(wrongSecret);
      assertEquals(4001, t2.closeCode);
      assertNull(core.scannedQr().pending(), "one wrong attempt burns the QR");

      byte[] right = new PairingInitiator(desktop, p, id, secret, null).writeInit();
      FakeTransport t3 = new FakeTransport();
      core.admit(t3).onBinary(right);
      assertEquals(4008, t3.closeCode, "the burnt QR cannot be used any more");
      assertEquals(0, ports.prompt.shown.get());
    } finally {
      core.stop();
      ports.scheduler.close();
    }
  }
}
