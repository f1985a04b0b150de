package app.textbridge.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.textbridge.core.PhoneConfig;
import app.textbridge.core.PhoneCore;
import app.textbridge.core.crypto.Bytes;
import app.textbridge.core.crypto.KeyPair;
import app.textbridge.core.model.PairedDesktop;
import app.textbridge.core.protocol.FrameException;
import app.textbridge.core.protocol.FrameOpener;
import app.textbridge.core.protocol.FrameSealer;
import app.textbridge.core.protocol.Role;
import app.textbridge.core.protocol.SecureChannel;
import app.textbridge.core.protocol.handshake.HandshakePayload;
import app.textbridge.core.protocol.handshake.HandshakeResult;
import app.textbridge.core.protocol.handshake.ReconnectInitiator;
import app.textbridge.core.protocol.message.Message;
import app.textbridge.core.protocol.message.MessageCodec;
import app.textbridge.core.protocol.message.MessageType;
import app.textbridge.core.protocol.message.Received;
import app.textbridge.core.testutil.DesktopClient;
import app.textbridge.core.testutil.FakeTransport;
import app.textbridge.core.testutil.TestPorts;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Replayed, reordered and dropped frames close with 4004 and deliver nothing more (§6). */
class FrameOrderTest {
  private final KeyPair desktop = KeyPair.generate();
  private TestPorts ports;
  private PhoneCore core;

  @BeforeEach
  void start() throws Exception {
    ports = new TestPorts();
    ports.keys.savePairedDesktop(
        new PairedDesktop(desktop.publicKey(), "Laptop", "a1b2c3d4e5f60718293a4b5c6d7e8f90", 1));
    core = ports.core(new PhoneConfig());
  }

  @AfterEach
  void stop() {
    core.stop();
    ports.scheduler.close();
  }

  /** A reconnected session: the phone side behind a fake transport, the desktop's channel. */
  private final class Pair {
    final FakeTransport t = new FakeTransport();
    final Connection c = core.admit(t);
    final SecureChannel d;
    final app.textbridge.core.protocol.TransportKeys keys;

    Pair() throws Exception {
      ReconnectInitiator i =
          new ReconnectInitiator(desktop, HandshakePayload.EMPTY, core.staticPublicKey(), null);
      c.onBinary(i.writeInit());
      HandshakeResult r = i.readResp(t.sent.get(0));
      keys = r.keys;
      d = new SecureChannel(r.keys, Role.DESKTOP);
    }

    byte[] ping(long ts) throws Exception {
      JsonObject b = new JsonObject();
      b.addProperty("ts", ts);
      return d.encode(Message.request(MessageType.PING, "p" + ts, b));
    }

    /** Pongs the phone sent (frames after RECONNECT_RESP, decoded in order). */
    int pongs() throws Exception {
      SecureChannel reader = d;
      int n = 0;
      for (int i = 1; i < t.sent.size(); i++) {
        Received r = reader.decode(t.sent.get(i));
        if (r.message.type == MessageType.PONG) n++;
      }
      return n;
    }
  }

  @Test
  void replayedFrameCloses4004AndNothingLaterIsDelivered() throws Exception {
    Pair p = new Pair();
    p.c.onBinary(p.d.encode(Message.of(MessageType.HELLO, DesktopClient.hello())));
    byte[] first = p.ping(1);
    p.c.onBinary(first);
    p.c.onBinary(first);
    assertEquals(4004, p.t.closeCode);
    p.c.onBinary(p.ping(2));
    assertEquals(1, p.pongs());
  }

  @Test
  void reorderedFramesClose4004() throws Exception {
    Pair p = new Pair();
    p.c.onBinary(p.d.encode(Message.of(MessageType.HELLO, DesktopClient.hello())));
    byte[] a = p.ping(1);
    byte[] b = p.ping(2);
    p.c.onBinary(b);
    assertEquals(4004, p.t.closeCode);
    p.c.onBinary(a);
    assertEquals(0, p.pongs());
  }

  @Test
  void droppedFrameCloses4004() throws Exception {
    Pair p = new Pair();
    p.c.onBinary(p.d.encode(Message.of(MessageType.HELLO, DesktopClient.hello())));
    p.ping(1);
    p.c.onBinary(p.ping(2));
    assertEquals(4004, p.t.closeCode);
    assertEquals(0, p.pongs());
  }

  @Test
  void framesOfOneSessionFailInTheNext() throws Exception {
    Pair one = new Pair();
    List<byte[]> old = new ArrayList<>();
    old.add(one.d.encode(Message.of(MessageType.HELLO, DesktopClient.hello())));
    old.add(one.ping(1));
    Pair two = new Pair();
    two.c.onBinary(old.get(0));
    assertEquals(4004, two.t.closeCode);
    // At the channel level too: no frame of session one opens in session two, at any counter.
    for (byte[] f : old) {
      SecureChannel phoneTwo = new SecureChannel(two.keys, Role.PHONE);
      assertThrows(FrameException.class, () -> phoneTwo.decode(f));
    }
  }

  @Test
  void firstFrameMustBeHello() throws Exception {
    Pair p = new Pair();
    p.c.onBinary(p.ping(1));
    assertEquals(4000, p.t.closeCode);
  }

  @Test
  void malformedJsonCloses4000AndUnknownTypeIsAnswered() throws Exception {
    Pair p = new Pair();
    FrameSealer raw = new FrameSealer(p.keys.desktopToPhone());
    p.c.onBinary(
        raw.seal(
            MessageCodec.encode(
                Message.of(MessageType.HELLO, DesktopClient.hello()), Role.DESKTOP)));
    p.c.onBinary(raw.seal(Bytes.utf8("{\"type\":\"x.y\",\"v\":1,\"id\":\"q\",\"body\":{}}")));
    p.c.onBinary(raw.seal(Bytes.utf8("{\"type\":\"ping\",\"v\":7,\"id\":\"r\",\"body\":{}}")));
    assertEquals(-1, p.t.closeCode, "unknown type and version do not close");
    FrameOpener opener = new FrameOpener(p.keys.phoneToDesktop());
    List<String> codes = new ArrayList<>();
    for (int i = 1; i < p.t.sent.size(); i++) {
      Received r = MessageCodec.decode(opener.open(p.t.sent.get(i)), Role.DESKTOP);
      if (r.message.type == MessageType.ERROR) {
        codes.add(r.message.body().get("code").getAsString() + "@" + r.message.ref);
      }
    }
    assertEquals(java.util.Arrays.asList("unknown_type@q", "unsupported_version@r"), codes);
    p.c.onBinary(raw.seal(Bytes.utf8("{\"type\":")));
    assertEquals(4000, p.t.closeCode);
  }
}
