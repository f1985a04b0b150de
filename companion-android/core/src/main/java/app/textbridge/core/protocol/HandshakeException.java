package app.textbridge.core.protocol;

/** A handshake failed (PROTOCOL.md §5.5). */
public final class HandshakeException extends ProtocolException {
  private static final long serialVersionUID = 1L;

  /** Stable codes and their close codes. */
  public enum Code {
    UNSUPPORTED_VERSION("unsupported_version", CloseCode.UNSUPPORTED_VERSION),
    UNEXPECTED_MESSAGE("unexpected_message", CloseCode.PROTOCOL_ERROR),
    BAD_LENGTH("bad_length", CloseCode.PROTOCOL_ERROR),
    DECRYPT_FAILED("decrypt_failed", CloseCode.HANDSHAKE_FAILED),
    LOW_ORDER_POINT("low_order_point", CloseCode.HANDSHAKE_FAILED),
    BAD_PAYLOAD("bad_payload", CloseCode.HANDSHAKE_FAILED),
    NO_PENDING_PAIRING("no_pending_pairing", CloseCode.NO_PENDING_PAIRING),
    UNKNOWN_PEER("unknown_peer", CloseCode.UNKNOWN_PEER),
    TIMEOUT("timeout", CloseCode.HANDSHAKE_TIMEOUT),
    WRONG_STATE("wrong_state", CloseCode.PROTOCOL_ERROR);

    public final String wire;
    public final CloseCode close;

    Code(String wire, CloseCode close) {
      this.wire = wire;
      this.close = close;
    }
  }

  public final Code code;

  public HandshakeException(Code code) {
    this(code, code.wire);
  }

  public HandshakeException(Code code, String detail) {
    super(detail);
    this.code = code;
  }

  @Override
  public String code() {
    return code.wire;
  }

  @Override
  public CloseCode closeCode() {
    return code.close;
  }
}
