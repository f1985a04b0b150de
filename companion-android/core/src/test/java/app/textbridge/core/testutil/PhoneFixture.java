package app.textbridge.core.testutil;

import app.textbridge.core.PhoneConfig;
import app.textbridge.core.PhoneCore;
import app.textbridge.core.crypto.KeyPair;
import app.textbridge.core.crypto.Nacl;
import app.textbridge.core.protocol.QrPayload;
import app.textbridge.core.server.TextbridgeServer;
import app.textbridge.core.support.StderrLog;
import java.net.InetSocketAddress;

/** A phone core behind a real server on 127.0.0.1 (ephemeral port). */
public final class PhoneFixture implements AutoCloseable {
  public final TestPorts ports;
  public final PhoneConfig config;
  public final PhoneCore core;
  public final TextbridgeServer server;
  public final int port;

  public PhoneFixture(PhoneConfig config) throws Exception {
    this(new TestPorts(), config);
  }

  public PhoneFixture(TestPorts ports, PhoneConfig config) throws Exception {
    this.ports = ports;
    this.config = config;
    this.core = ports.core(config);
    this.server =
        new TextbridgeServer(
            new InetSocketAddress("127.0.0.1", 0),
            core,
            ports.scheduler,
            new StderrLog(true),
            config.handshakeTimeoutMs);
    this.port = server.startAndWait();
  }

  /** A fresh desktop QR, scanned by this phone. */
  public Qr scanNewQr(KeyPair desktop) throws Exception {
    Qr qr = new Qr(Nacl.randomBytes(16), Nacl.randomBytes(32));
    core.scanQr(
        QrPayload.encode(
            qr.pairingId,
            desktop.publicKey(),
            qr.secret,
            System.currentTimeMillis() / 1000 + 120,
            "Test desktop"));
    return qr;
  }

  /** Pairs a new desktop (prompt mode as set) and returns the open client. */
  public DesktopClient pair(KeyPair desktop) throws Exception {
    Qr qr = scanNewQr(desktop);
    DesktopClient c = DesktopClient.open(port);
    c.pair(desktop, qr.pairingId, qr.secret, "Test desktop");
    return c;
  }

  @Override
  public void close() throws Exception {
    core.stop();
    server.stop(2000);
    ports.scheduler.close();
  }

  /** A QR's secrets as the desktop keeps them. */
  public static final class Qr {
    public final byte[] pairingId;
    public final byte[] secret;

    Qr(byte[] pairingId, byte[] secret) {
      this.pairingId = pairingId;
      this.secret = secret;
    }
  }
}
