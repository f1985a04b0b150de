package app.textbridge.core.protocol;

/** A scanned QR payload was refused (PROTOCOL.md §4). Nothing is stored. */
public final class QrException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Stable codes, shown to the user as "not a Textbridge code", "update the app", "expired". */
  public enum Code {
    BAD_QR("bad_qr"),
    UNSUPPORTED_VERSION("unsupported_version"),
    EXPIRED_QR("expired_qr");

    public final String wire;

    Code(String wire) {
      this.wire = wire;
    }
  }

  public final Code code;

  public QrException(Code code, String detail) {
    super(detail);
    this.code = code;
  }
}
