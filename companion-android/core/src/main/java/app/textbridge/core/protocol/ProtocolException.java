package app.textbridge.core.protocol;

/**
 * A protocol failure that ends the connection. Every subclass carries the close code the spec
 * assigns to it (PROTOCOL.md §5.5, §6, §7), so the transport never maps errors by hand.
 */
public abstract class ProtocolException extends Exception {
  private static final long serialVersionUID = 1L;

  protected ProtocolException(String message) {
    super(message);
  }

  /** Stable lower-case code, e.g. {@code decrypt_failed}. */
  public abstract String code();

  public abstract CloseCode closeCode();
}
