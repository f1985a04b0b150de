package app.textbridge.core.session;

/**
 * A request the phone answers with an {@code error} message (PROTOCOL.md §9.13) and the session
 * continues. The message is for logs and never contains keys or message bodies.
 */
public final class RequestException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The error codes of §9.13. */
  public enum Code {
    UNKNOWN_TYPE("unknown_type"),
    UNSUPPORTED_VERSION("unsupported_version"),
    BAD_REQUEST("bad_request"),
    NOT_FOUND("not_found"),
    NOT_READY("not_ready"),
    PERMISSION_DENIED("permission_denied"),
    BUSY("busy"),
    INTERNAL("internal"),
    KEY_MISMATCH("key_mismatch");

    public final String wire;

    Code(String wire) {
      this.wire = wire;
    }
  }

  public final Code code;

  public RequestException(Code code, String message) {
    super(message);
    this.code = code;
  }
}
