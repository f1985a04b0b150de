package app.textbridge.core.server;

import app.textbridge.core.session.Transport;
import org.java_websocket.WebSocket;
import org.java_websocket.exceptions.WebsocketNotConnectedException;

/** Adapts a Java-WebSocket connection to the core's {@link Transport}. */
final class WsTransport implements Transport {
  private final WebSocket socket;

  WsTransport(WebSocket socket) {
    this.socket = socket;
  }

  @Override
  public void send(byte[] message) {
    try {
      socket.send(message);
    } catch (WebsocketNotConnectedException e) {
      // Closed concurrently: the close callback tells the core.
    }
  }

  @Override
  public void close(int code, String reason) {
    socket.close(code, reason);
  }

  @Override
  public void handshakeFinished() {
    if (socket.getDraft() instanceof CappedDraft) {
      ((CappedDraft) socket.getDraft()).handshakeFinished();
    }
  }

  @Override
  public String describe() {
    return "socket";
  }
}
