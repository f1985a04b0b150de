package app.textbridge.core.server;

import app.textbridge.core.PhoneCore;
import app.textbridge.core.port.EventLog;
import app.textbridge.core.port.Scheduler;
import app.textbridge.core.protocol.CloseCode;
import app.textbridge.core.protocol.Constants;
import app.textbridge.core.session.Connection;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;

/**
 * The phone's WebSocket server on Java-WebSocket (PROTOCOL.md §7): path {@code /textbridge},
 * subprotocol {@code textbridge.1} (a client that does not offer it is refused), binary messages
 * only, no compression, phase-dependent size caps ({@link CappedDraft}), at most 8 pending sockets
 * (extras closed with 1013), a deadline from TCP accept. Several desktops may be connected.
 */
public final class TextbridgeServer extends WebSocketServer {
  private final PhoneCore core;
  private final EventLog log;
  private final CountDownLatch started = new CountDownLatch(1);
  private volatile Exception startError;

  public TextbridgeServer(
      InetSocketAddress address,
      PhoneCore core,
      Scheduler scheduler,
      EventLog log,
      long handshakeTimeoutMs) {
    super(address, Collections.<Draft>singletonList(new CappedDraft()));
    this.core = core;
    this.log = log;
    setWebSocketFactory(new DeadlineSocketFactory(scheduler, handshakeTimeoutMs));
    // Our own keepalive (4011) replaces the library's ping-based lost-connection check.
    setConnectionLostTimeout(0);
    setReuseAddr(true);
    setTcpNoDelay(true);
  }

  /** Starts and waits until the port is bound; returns the port (useful with port 0). */
  public int startAndWait() throws Exception {
    start();
    if (!started.await(10, TimeUnit.SECONDS))
      throw new IllegalStateException("server did not start");
    if (startError != null) throw startError;
    return getPort();
  }

  @Override
  public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(
      WebSocket conn, Draft draft, ClientHandshake request) throws InvalidDataException {
    String path = request.getResourceDescriptor();
    if (!Constants.WS_PATH.equals(path)) {
      throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "unknown path");
    }
    return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {
    WsTransport transport = new WsTransport(conn);
    Connection c = core.admit(transport);
    if (c == null) {
      conn.close(CloseCode.TRY_AGAIN_LATER.code, "too many pending connections");
      return;
    }
    conn.setAttachment(c);
  }

  @Override
  public void onMessage(WebSocket conn, ByteBuffer message) {
    Connection c = conn.getAttachment();
    if (c == null) return;
    byte[] bytes = new byte[message.remaining()];
    message.get(bytes);
    c.onBinary(bytes);
  }

  @Override
  public void onMessage(WebSocket conn, String message) {
    Connection c = conn.getAttachment();
    if (c != null) c.onText();
    else conn.close(CloseCode.PROTOCOL_ERROR.code, "text message");
  }

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    Connection c = conn.getAttachment();
    if (c != null) c.onClosed(code);
  }

  @Override
  public void onError(WebSocket conn, Exception ex) {
    if (conn == null) {
      startError = ex;
      started.countDown();
    }
    log.info("server", "socket error: " + ex.getClass().getSimpleName());
  }

  @Override
  public void onStart() {
    core.listening(getPort());
    started.countDown();
  }
}
