package app.textbridge.core.protocol.message;

import app.textbridge.core.protocol.CloseCode;
import app.textbridge.core.protocol.ProtocolException;

/** A message that fails validation (PROTOCOL.md §8): the session closes with 4000. */
public final class MessageException extends ProtocolException {
  private static final long serialVersionUID = 1L;

  /** Stable codes. */
  public enum Code {
    MALFORMED("malformed"),
    WRONG_DIRECTION("wrong_direction"),
    INVALID_BODY("invalid_body");

    public final String wire;

    Code(String wire) {
      this.wire = wire;
    }
  }

  public final Code code;

  public MessageException(Code code, String detail) {
    super(detail);
    this.code = code;
  }

  @Override
  public String code() {
    return code.wire;
  }

  @Override
  public CloseCode closeCode() {
    return CloseCode.PROTOCOL_ERROR;
  }
}
