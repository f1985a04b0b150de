package app.textbridge.core.protocol;

/** WebSocket close codes of PROTOCOL.md §7. */
public enum CloseCode {
  NORMAL(1000),
  TOO_LARGE(1009),
  TRY_AGAIN_LATER(1013),
  PROTOCOL_ERROR(4000),
  HANDSHAKE_FAILED(4001),
  UNSUPPORTED_VERSION(4002),
  DECRYPT_FAILED(4004),
  HANDSHAKE_TIMEOUT(4005),
  UNKNOWN_PEER(4006),
  PAIRING_NOT_CONFIRMED(4007),
  NO_PENDING_PAIRING(4008),
  UNPAIRED(4009),
  KEEPALIVE_TIMEOUT(4011);

  public final int code;

  CloseCode(int code) {
    this.code = code;
  }
}
