package app.textbridge.core.crypto;

/** A cryptographic operation refused its input. The code is stable (tests and logs use it). */
public final class CryptoException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Stable failure codes. */
  public enum Code {
    /** A tag did not verify (OPEN / secretbox_open). */
    DECRYPT_FAILED("decrypt_failed"),
    /** X25519 gave an all-zero result: the peer sent a low-order point (PROTOCOL.md §2). */
    LOW_ORDER_POINT("low_order_point"),
    /** A key, nonce or box of the wrong length. */
    BAD_LENGTH("bad_length");

    public final String wire;

    Code(String wire) {
      this.wire = wire;
    }
  }

  public final Code code;

  public CryptoException(Code code) {
    super(code.wire);
    this.code = code;
  }
}
