package app.textbridge.core.session;

import app.textbridge.core.port.Clock;
import app.textbridge.core.port.EventLog;
import app.textbridge.core.port.Scheduler;
import app.textbridge.core.protocol.CloseCode;
import app.textbridge.core.protocol.FrameException;
import app.textbridge.core.protocol.ProtocolException;
import app.textbridge.core.protocol.Role;
import app.textbridge.core.protocol.SecureChannel;
import app.textbridge.core.protocol.TransportKeys;
import app.textbridge.core.protocol.message.Message;
import app.textbridge.core.protocol.message.MessageException;
import app.textbridge.core.protocol.message.MessageType;
import app.textbridge.core.protocol.message.Received;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * An established, encrypted session on the phone (PROTOCOL.md §6–§8). States: AWAIT_HELLO → OPEN →
 * CLOSED. The phone's hello goes out at once; the desktop's must be the first frame (else 4000).
 * Until the pairing is confirmed the session is not {@code paired} and only hello, ping, pong and
 * error are served. 45 s without a frame closes it (4011).
 */
public final class Session implements Peer {
  /** What the session hands up to the phone core. */
  public interface Handler {
    /** The desktop's hello arrived (and the session is paired, or became paired). */
    void opened(Session session);

    /** A validated message in an OPEN, paired session. */
    void handle(Session session, Message message);

    void closed(Session session, int code);
  }

  enum State {
    AWAIT_HELLO,
    OPEN,
    CLOSED
  }

  private final Transport transport;
  private final SecureChannel channel;
  private final Handler handler;
  private final Clock clock;
  private final Scheduler scheduler;
  private final EventLog log;
  private final long keepaliveMs;
  private final Object sendLock = new Object();
  private volatile State state = State.AWAIT_HELLO;
  private volatile boolean paired;
  private volatile String desktopKeyHex;
  private volatile String desktopName;
  private volatile long lastReceived;
  private volatile int closeCode;
  private volatile Set<String> capabilities = Collections.emptySet();

  public Session(
      Transport transport,
      TransportKeys keys,
      Handler handler,
      Clock clock,
      Scheduler scheduler,
      EventLog log,
      long keepaliveMs) {
    this.transport = transport;
    this.channel = new SecureChannel(keys, Role.PHONE);
    this.handler = handler;
    this.clock = clock;
    this.scheduler = scheduler;
    this.log = log;
    this.keepaliveMs = keepaliveMs;
    this.lastReceived = clock.nowMillis();
  }

  /** Sends the phone's hello and starts the keepalive watch. */
  public void start(JsonObject hello, String desktopKeyHex, String desktopName, boolean paired) {
    this.desktopKeyHex = desktopKeyHex;
    this.desktopName = desktopName;
    this.paired = paired;
    send(Message.of(MessageType.HELLO, hello));
    watchKeepalive(keepaliveMs);
  }

  /** The pairing was accepted: from now on the session serves everything. */
  public void markPaired() {
    boolean open;
    synchronized (this) {
      paired = true;
      open = state == State.OPEN;
    }
    if (open) handler.opened(this);
  }

  public void onFrame(byte[] frame) {
    Received r;
    ProtocolException failure = null;
    // Frames arrive on one thread per socket; the lock only orders the opener's counter.
    synchronized (this) {
      if (state == State.CLOSED) return;
      lastReceived = clock.nowMillis();
      try {
        r = channel.decode(frame);
      } catch (FrameException | MessageException e) {
        r = null;
        failure = e;
      }
    }
    if (failure != null) {
      fail(failure);
      return;
    }
    switch (r.kind) {
      case UNKNOWN_TYPE:
        sendError(r.id, RequestException.Code.UNKNOWN_TYPE, null);
        return;
      case UNSUPPORTED_VERSION:
        sendError(r.id, RequestException.Code.UNSUPPORTED_VERSION, null);
        return;
      case MESSAGE:
        dispatch(r.message);
        return;
      default:
        throw new IllegalStateException("received kind " + r.kind);
    }
  }

  private void dispatch(Message m) {
    boolean opened = false;
    boolean outOfOrder = false;
    synchronized (this) {
      if (state == State.CLOSED) return;
      if (state == State.AWAIT_HELLO) {
        outOfOrder = m.type != MessageType.HELLO;
        if (!outOfOrder) {
          capabilities = capabilitiesOf(m.body());
          state = State.OPEN;
        }
        opened = !outOfOrder && paired;
      }
    }
    if (outOfOrder) {
      close(CloseCode.PROTOCOL_ERROR, "hello must come first");
      return;
    }
    if (opened) {
      handler.opened(this);
      return;
    }
    switch (m.type) {
      case HELLO:
      case PONG:
        return;
      case PING:
        JsonObject ts = new JsonObject();
        ts.add("ts", m.body().get("ts"));
        send(Message.reply(MessageType.PONG, m.id, ts));
        return;
      default:
        if (!paired) {
          if (m.type != MessageType.ERROR && m.type != MessageType.ACK) {
            sendError(m.id, RequestException.Code.NOT_READY, "pairing not confirmed");
          }
          return;
        }
        handler.handle(this, m);
    }
  }

  @Override
  public void send(Message message) {
    FrameException failure = null;
    // Sealing and queueing happen together so frames leave in counter order.
    synchronized (sendLock) {
      if (!isOpen()) return;
      try {
        transport.send(channel.encode(message));
      } catch (FrameException e) {
        failure = e;
      } catch (MessageException e) {
        // Our own message failed its schema: a bug here, never sent half-valid.
        log.warn("session", "refused to send invalid " + message.type.wire + ": " + e.getMessage());
      }
    }
    if (failure != null) fail(failure);
  }

  public void sendError(String ref, RequestException.Code code, String text) {
    JsonObject body = new JsonObject();
    body.addProperty("code", code.wire);
    if (text != null)
      body.addProperty("message", text.length() > 200 ? text.substring(0, 200) : text);
    send(Message.reply(MessageType.ERROR, ref, body));
  }

  private void fail(ProtocolException e) {
    log.info("session", "closing: " + e.code());
    close(e.closeCode(), e.code());
  }

  /** Closes with a code (idempotent). */
  public void close(CloseCode code, String reason) {
    synchronized (this) {
      if (state == State.CLOSED) return;
      state = State.CLOSED;
      closeCode = code.code;
    }
    transport.close(code.code, reason);
    handler.closed(this, code.code);
  }

  /** The socket closed underneath us. */
  public void transportClosed(int code) {
    synchronized (this) {
      if (state == State.CLOSED) return;
      state = State.CLOSED;
      closeCode = code;
    }
    handler.closed(this, code);
  }

  private void watchKeepalive(long delay) {
    scheduler.schedule(
        delay,
        () -> {
          if (!isOpen()) return;
          long idle = clock.nowMillis() - lastReceived;
          if (idle >= keepaliveMs) {
            close(CloseCode.KEEPALIVE_TIMEOUT, "keepalive timeout");
          } else {
            watchKeepalive(keepaliveMs - idle);
          }
        });
  }

  private static Set<String> capabilitiesOf(JsonObject hello) {
    Set<String> caps = new HashSet<>();
    for (JsonElement e : hello.getAsJsonArray("capabilities")) caps.add(e.getAsString());
    return Collections.unmodifiableSet(caps);
  }

  @Override
  public Set<String> capabilities() {
    return capabilities;
  }

  @Override
  public boolean isOpen() {
    return state != State.CLOSED;
  }

  public boolean isPaired() {
    return paired;
  }

  public int closeCode() {
    return closeCode;
  }

  @Override
  public String desktopKeyHex() {
    return desktopKeyHex;
  }

  @Override
  public String desktopName() {
    return desktopName;
  }
}
