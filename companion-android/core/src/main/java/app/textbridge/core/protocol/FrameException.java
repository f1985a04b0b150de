package app.textbridge.core.protocol;

/** A frame could not be opened or sealed (PROTOCOL.md §6). */
public final class FrameException extends ProtocolException {
  private static final long serialVersionUID = 1L;

  /** Stable codes and their close codes. */
  public enum Code {
    DECRYPT_FAILED("decrypt_failed", CloseCode.DECRYPT_FAILED),
    TOO_LARGE("too_large", CloseCode.TOO_LARGE),
    COUNTER_EXHAUSTED("counter_exhausted", CloseCode.NORMAL);

    public final String wire;
    public final CloseCode close;

    Code(String wire, CloseCode close) {
      this.wire = wire;
      this.close = close;
    }
  }

  public final Code code;

  public FrameException(Code code) {
    super(code.wire);
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
