package app.textbridge.core.session;

/**
 * One accepted socket as the session logic sees it: binary messages out, close with a code. The
 * WebSocket server adapts Java-WebSocket to it; tests use an in-memory pair.
 */
public interface Transport {
  /** Queues one binary WebSocket message. Never blocks on the network. */
  void send(byte[] message);

  /** Starts a close handshake with this code (idempotent). */
  void close(int code, String reason);

  /** Called once the Textbridge handshake finished: the frame cap may rise to §6's limit. */
  void handshakeFinished();

  /** For logs: the peer address without port details that identify a person. */
  String describe();
}
