package app.textbridge.core.pairing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.textbridge.core.PhoneConfig;
import app.textbridge.core.PhoneCore;
import app.textbridge.core.crypto.KeyPair;
import app.textbridge.core.crypto.Nacl;
import app.textbridge.core.model.Advert;
import app.textbridge.core.protocol.Discovery;
import app.textbridge.core.protocol.QrPayload;
import app.textbridge.core.protocol.handshake.HandshakePayload;
import app.textbridge.core.protocol.handshake.PairingInitiator;
import app.textbridge.core.testutil.FakeTransport;
import app.textbridge.core.testutil.TestPorts;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the phone advertises (§3), checked with a fake advertiser (no multicast in tests). */
class AdvertiserLogicTest {
  @Test
  void pairingTagComesWithTheScanAndGoesWithTheAttempt() throws Exception {
    TestPorts ports = new TestPorts();
    PhoneCore core = ports.core(new PhoneConfig());
    try {
      core.listening(47800);
      Advert first = ports.advertiser.last();
      assertEquals(47800, first.port);
      assertEquals(Collections.singletonList(1), first.versions);
      assertEquals(core.instanceId(), first.instanceId);
      assertNull(first.pairingTag);
      Map<String, String> txt = Discovery.encodeTxt(first);
      assertEquals("1", txt.get("v"));
      assertTrue(!txt.containsKey("pt"));
      assertTrue(Discovery.instanceName(first.instanceId).matches("Textbridge-[0-9a-f]{8}"));

      KeyPair desktop = KeyPair.generate();
      byte[] id = Nacl.randomBytes(16);
      byte[] secret = Nacl.randomBytes(32);
      core.scanQr(
          QrPayload.encode(
              id, desktop.publicKey(), secret, System.currentTimeMillis() / 1000 + 60, "Laptop"));
      assertEquals(Discovery.pairingTag(secret), ports.advertiser.last().pairingTag);

      byte[] init =
          new PairingInitiator(
                  desktop,
                  new HandshakePayload("Laptop", "a1b2c3d4e5f60718293a4b5c6d7e8f90"),
                  id,
                  Nacl.randomBytes(32),
                  null)
              .writeInit();
      core.admit(new FakeTransport()).onBinary(init);
      assertNull(ports.advertiser.last().pairingTag, "a burnt QR is no longer advertised");
      assertNotNull(ports.advertiser.last().instanceId);
    } finally {
      core.stop();
      ports.scheduler.close();
    }
    assertTrue(ports.advertiser.withdrawn);
  }
}
