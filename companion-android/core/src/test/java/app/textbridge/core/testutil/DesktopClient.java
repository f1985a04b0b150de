package app.textbridge.core.testutil;

import app.textbridge.core.crypto.Bytes;
import app.textbridge.core.crypto.KeyPair;
import app.textbridge.core.protocol.Constants;
import app.textbridge.core.protocol.HandshakeException;
import app.textbridge.core.protocol.ProtocolException;
import app.textbridge.core.protocol.Role;
import app.textbridge.core.protocol.SecureChannel;
import app.textbridge.core.protocol.handshake.HandshakePayload;
import app.textbridge.core.protocol.handshake.HandshakeResult;
import app.textbridge.core.protocol.handshake.PairingInitiator;
import app.textbridge.core.protocol.handshake.ReconnectInitiator;
import app.textbridge.core.protocol.message.Message;
import app.textbridge.core.protocol.message.MessageType;
import app.textbridge.core.protocol.message.Received;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.extensions.IExtension;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;

/** The desktop role over a real WebSocket, for tests: handshake, hello, requests, pushes. */
public final class DesktopClient extends WebSocketClient {
  private final BlockingQueue<byte[]> raw = new LinkedBlockingQueue<>();
  private final BlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final AtomicInteger ids = new AtomicInteger();
  private volatile SecureChannel channel;
  private volatile int closeCode = -1;
  public volatile HandshakeResult result;

  /** Listed in this client's hello besides sync and send (set before the handshake). */
  public volatile String[] extraCapabilities = new String[0];

  public DesktopClient(int port) {
    super(
        URI.create("ws://127.0.0.1:" + port + Constants.WS_PATH),
        new Draft_6455(
            Collections.<IExtension>emptyList(),
            Collections.<IProtocol>singletonList(new Protocol(Constants.WS_SUBPROTOCOL)),
            Constants.MAX_FRAME_BYTES));
    setConnectionLostTimeout(0);
  }

  public static DesktopClient open(int port) throws InterruptedException {
    DesktopClient c = new DesktopClient(port);
    if (!c.connectBlocking(5, TimeUnit.SECONDS)) throw new IllegalStateException("no connection");
    return c;
  }

  /**
   * Runs the pairing handshake (§5.3) and sends hello; the session is then pending confirmation.
   */
  public HandshakeResult pair(KeyPair desktop, byte[] pairingId, byte[] secret, String name)
      throws Exception {
    PairingInitiator i =
        new PairingInitiator(
            desktop,
            new HandshakePayload(name, "a1b2c3d4e5f60718293a4b5c6d7e8f90"),
            pairingId,
            secret,
            null);
    send(i.writeInit());
    return established(i.readResp(nextRaw()));
  }

  /** Runs the reconnect handshake (§5.4) and sends hello. */
  public HandshakeResult reconnect(KeyPair desktop, byte[] phoneStatic) throws Exception {
    ReconnectInitiator i =
        new ReconnectInitiator(desktop, HandshakePayload.EMPTY, phoneStatic, null);
    send(i.writeInit());
    return established(i.readResp(nextRaw()));
  }

  private HandshakeResult established(HandshakeResult r) throws ProtocolException {
    result = r;
    SecureChannel ch = new SecureChannel(r.keys, Role.DESKTOP);
    // Frames that arrived before the channel existed are decoded in order.
    synchronized (this) {
      channel = ch;
      for (byte[] f; (f = raw.poll()) != null; ) decode(f);
    }
    try {
      sendMessage(Message.of(MessageType.HELLO, hello(extraCapabilities)));
    } catch (org.java_websocket.exceptions.WebsocketNotConnectedException e) {
      // The phone already closed (e.g. an immediate rejection); the test reads why.
    }
    return r;
  }

  public static JsonObject hello(String... extraCapabilities) {
    JsonObject o = new JsonObject();
    o.addProperty("role", "desktop");
    o.addProperty("app", "textbridge-desktop");
    o.addProperty("appVersion", "0.1.0");
    o.addProperty("protocol", 1);
    JsonArray caps = new JsonArray();
    caps.add("sync");
    caps.add("send");
    for (String c : extraCapabilities) caps.add(c);
    o.add("capabilities", caps);
    JsonObject device = new JsonObject();
    device.addProperty("name", "Test desktop");
    o.add("device", device);
    return o;
  }

  public synchronized void sendMessage(Message m) throws ProtocolException {
    send(channel.encode(m));
  }

  /** Sends a request with a fresh id; returns the id. */
  public String request(MessageType type, JsonObject body) throws ProtocolException {
    String id = "d" + ids.incrementAndGet();
    sendMessage(Message.request(type, id, body));
    return id;
  }

  /** The next message matching {@code p} (others are dropped), or an AssertionError. */
  public Message await(Predicate<Message> p, long timeoutMs) throws InterruptedException {
    long end = System.currentTimeMillis() + timeoutMs;
    while (true) {
      long left = end - System.currentTimeMillis();
      Message m = left <= 0 ? null : inbox.poll(left, TimeUnit.MILLISECONDS);
      if (m == null) throw new AssertionError("no matching message within " + timeoutMs + " ms");
      if (p.test(m)) return m;
    }
  }

  public Message awaitReply(String ref, long timeoutMs) throws InterruptedException {
    return await(m -> ref.equals(m.ref), timeoutMs);
  }

  public Message awaitType(MessageType type, long timeoutMs) throws InterruptedException {
    return await(m -> m.type == type, timeoutMs);
  }

  /** Messages received so far and not consumed. */
  public int pendingMessages() {
    return inbox.size();
  }

  public int awaitClose(long timeoutMs) throws InterruptedException {
    if (!closed.await(timeoutMs, TimeUnit.MILLISECONDS)) throw new AssertionError("still open");
    return closeCode;
  }

  public byte[] nextRaw() throws InterruptedException, HandshakeException {
    byte[] b = raw.poll(5, TimeUnit.SECONDS);
    if (b == null) throw new HandshakeException(HandshakeException.Code.TIMEOUT, "no reply");
    return b;
  }

  @Override
  public void onOpen(ServerHandshake handshake) {}

  @Override
  public void onMessage(String message) {}

  @Override
  public synchronized void onMessage(ByteBuffer bytes) {
    byte[] b = new byte[bytes.remaining()];
    bytes.get(b);
    if (channel == null) raw.add(b);
    else decode(b);
  }

  private void decode(byte[] frame) {
    try {
      Received r = channel.decode(frame);
      if (r.kind == Received.Kind.MESSAGE) inbox.add(r.message);
    } catch (ProtocolException e) {
      close(e.closeCode().code, e.code());
    }
  }

  @Override
  public void onClose(int code, String reason, boolean remote) {
    closeCode = code;
    closed.countDown();
  }

  @Override
  public void onError(Exception ex) {}

  public static String hex(byte[] b) {
    return Bytes.hex(b);
  }
}
