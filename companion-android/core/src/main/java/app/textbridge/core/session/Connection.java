package app.textbridge.core.session;

import app.textbridge.core.crypto.Bytes;
import app.textbridge.core.pairing.Identity;
import app.textbridge.core.pairing.ScannedQrSlot;
import app.textbridge.core.port.EventLog;
import app.textbridge.core.port.Scheduler;
import app.textbridge.core.protocol.CloseCode;
import app.textbridge.core.protocol.Constants;
import app.textbridge.core.protocol.HandshakeException;
import app.textbridge.core.protocol.QrPayload;
import app.textbridge.core.protocol.handshake.HandshakePayload;
import app.textbridge.core.protocol.handshake.HandshakeResult;
import app.textbridge.core.protocol.handshake.PairingResponder;
import app.textbridge.core.protocol.handshake.ReconnectResponder;
import app.textbridge.core.protocol.handshake.Wire;

/**
 * One accepted socket, from TCP to the end (PROTOCOL.md §5, §7). States: AWAIT_INIT (pending,
 * counted against the 8-socket cap, 10 s deadline) → SESSION → CLOSED. The first binary message
 * must be PAIR_INIT or RECONNECT_INIT (≤ 4096 bytes); text messages close with 4000.
 */
public final class Connection {
  /** The phone core's side: what a connection needs from it. */
  public interface Host {
    Identity identity();

    ScannedQrSlot scannedQr();

    HandshakePayload pairingPayload();

    /** The phone's hello body (§9.1). */
    com.google.gson.JsonObject hello();

    /** The scanned QR was burnt or changed: advertise without the pairing tag. */
    void qrChanged();

    /** The handshake ended (success or not): the socket no longer counts as pending. */
    void handshakeEnded(Connection connection);

    /** Creates the session after a successful handshake. */
    Session newSession(Transport transport, HandshakeResult result);

    /** Starts the user's confirmation of a new pairing (§5.3). */
    void confirmPairing(Session session, HandshakeResult result);

    void connectionClosed(Connection connection, Session session, int code);
  }

  enum State {
    AWAIT_INIT,
    SESSION,
    CLOSED
  }

  private final Transport transport;
  private final Host host;
  private final EventLog log;
  private final Scheduler.Cancellable deadline;
  private State state = State.AWAIT_INIT;
  private Session session;

  public Connection(
      Transport transport, Host host, Scheduler scheduler, EventLog log, long handshakeTimeoutMs) {
    this.transport = transport;
    this.host = host;
    this.log = log;
    this.deadline = scheduler.schedule(handshakeTimeoutMs, this::deadlinePassed);
  }

  public void onBinary(byte[] message) {
    Session s;
    synchronized (this) {
      if (state == State.CLOSED) return;
      s = session;
      if (state == State.AWAIT_INIT) {
        handshake(message);
        return;
      }
    }
    s.onFrame(message);
  }

  /** §7: text messages are a protocol violation in every state. */
  public void onText() {
    Session s;
    synchronized (this) {
      s = session;
    }
    if (s != null) {
      s.close(CloseCode.PROTOCOL_ERROR, "text message");
    } else {
      refuse(CloseCode.PROTOCOL_ERROR, "text message");
    }
  }

  /** The socket closed (either side). */
  public void onClosed(int code) {
    Session s;
    boolean wasPending;
    synchronized (this) {
      if (state == State.CLOSED) return;
      wasPending = state == State.AWAIT_INIT;
      state = State.CLOSED;
      s = session;
    }
    deadline.cancel();
    if (wasPending) host.handshakeEnded(this);
    if (s != null) s.transportClosed(code);
    host.connectionClosed(this, s, code);
  }

  public synchronized boolean isPending() {
    return state == State.AWAIT_INIT;
  }

  private void handshake(byte[] first) {
    try {
      // The same order of checks as the TypeScript phone: size, version, then kind.
      if (first.length > Constants.MAX_HANDSHAKE_MESSAGE_BYTES || first.length < 2) {
        throw new HandshakeException(HandshakeException.Code.BAD_LENGTH);
      }
      if (!Constants.supportsVersion(first[0] & 0xff)) {
        throw new HandshakeException(HandshakeException.Code.UNSUPPORTED_VERSION);
      }
      switch (first[1] & 0xff) {
        case Wire.PAIR_INIT:
          pair(first);
          return;
        case Wire.RECONNECT_INIT:
          reconnect(first);
          return;
        default:
          throw new HandshakeException(HandshakeException.Code.UNEXPECTED_MESSAGE);
      }
    } catch (HandshakeException e) {
      log.info("handshake", "refused: " + e.code());
      refuse(e.closeCode(), e.code());
    }
  }

  private void pair(byte[] init) throws HandshakeException {
    byte[] pairingId = PairingResponder.peekPairingId(init);
    // Burnt here, before any cryptography, whatever happens next (§4, §5.3).
    QrPayload qr = host.scannedQr().attempt(pairingId);
    host.qrChanged();
    Identity id = host.identity();
    PairingResponder responder =
        new PairingResponder(
            id.staticKeys(),
            host.pairingPayload(),
            qr.pairingId(),
            qr.secret(),
            qr.desktopStatic(),
            null);
    responder.readInit(init);
    byte[] resp = responder.writeResp();
    HandshakeResult result = responder.result();
    Session s = established(resp, result);
    s.start(host.hello(), Bytes.hex(result.remoteStatic()), result.remotePayload.name, false);
    host.confirmPairing(s, result);
  }

  private void reconnect(byte[] init) throws HandshakeException {
    Identity id = host.identity();
    ReconnectResponder responder =
        new ReconnectResponder(id.staticKeys(), HandshakePayload.EMPTY, id::isPaired, null);
    responder.readInit(init);
    byte[] resp = responder.writeResp();
    HandshakeResult result = responder.result();
    Session s = established(resp, result);
    String name = id.find(result.remoteStatic()).name;
    s.start(host.hello(), Bytes.hex(result.remoteStatic()), name, true);
  }

  private Session established(byte[] resp, HandshakeResult result) {
    deadline.cancel();
    transport.send(resp);
    transport.handshakeFinished();
    session = host.newSession(transport, result);
    state = State.SESSION;
    host.handshakeEnded(this);
    return session;
  }

  private void deadlinePassed() {
    synchronized (this) {
      if (state != State.AWAIT_INIT) return;
    }
    log.info("handshake", "deadline passed");
    refuse(CloseCode.HANDSHAKE_TIMEOUT, "handshake timeout");
  }

  private void refuse(CloseCode code, String reason) {
    transport.close(code.code, reason);
    onClosed(code.code);
  }
}
