package app.textbridge.core.protocol.handshake;

import app.textbridge.core.crypto.CryptoException;
import app.textbridge.core.crypto.Primitives;
import app.textbridge.core.protocol.Constants;
import app.textbridge.core.protocol.HandshakeException;

/** Handshake message framing (PROTOCOL.md §5.2): checks run before any cryptography. */
public final class Wire {
  public static final int PAIR_INIT = 0x01;
  public static final int PAIR_RESP = 0x02;
  public static final int RECONNECT_INIT = 0x03;
  public static final int RECONNECT_RESP = 0x04;
  private static final int EMPTY_PAYLOAD_CIPHERTEXT = 2 + 16;

  private Wire() {}

  /** Smallest legal message of each kind: fixed fields plus a {@code {}} payload. */
  static int minLength(int kind) {
    switch (kind) {
      case PAIR_INIT:
        return 2 + 16 + 32 + EMPTY_PAYLOAD_CIPHERTEXT;
      case PAIR_RESP:
        return 2 + 32 + 48 + EMPTY_PAYLOAD_CIPHERTEXT;
      case RECONNECT_INIT:
        return 2 + 32 + 48 + EMPTY_PAYLOAD_CIPHERTEXT;
      case RECONNECT_RESP:
        return 2 + 32 + EMPTY_PAYLOAD_CIPHERTEXT;
      default:
        throw new IllegalArgumentException("kind " + kind);
    }
  }

  /**
   * Version first (4002), then kind (4000), then length (4000), in the order the TypeScript side
   * checks, so both sides pick the same close code for a message that is wrong in two ways.
   */
  public static void check(byte[] message, int expectedKind) throws HandshakeException {
    if (message.length < 2) throw new HandshakeException(HandshakeException.Code.BAD_LENGTH);
    if (!Constants.supportsVersion(message[0] & 0xff)) {
      throw new HandshakeException(HandshakeException.Code.UNSUPPORTED_VERSION);
    }
    if ((message[1] & 0xff) != expectedKind) {
      throw new HandshakeException(HandshakeException.Code.UNEXPECTED_MESSAGE);
    }
    if (message.length > Constants.MAX_HANDSHAKE_MESSAGE_BYTES
        || message.length < minLength(expectedKind)) {
      throw new HandshakeException(HandshakeException.Code.BAD_LENGTH);
    }
  }

  static byte[] header(int kind) {
    return new byte[] {(byte) Constants.PROTOCOL_VERSION, (byte) kind};
  }

  /** DH inside a handshake: a low-order point is a handshake failure, not a crash. */
  static byte[] dh(byte[] secretKey, byte[] publicKey) throws HandshakeException {
    try {
      return Primitives.dh(secretKey, publicKey);
    } catch (CryptoException e) {
      throw new HandshakeException(HandshakeException.Code.LOW_ORDER_POINT);
    }
  }

  /** Reads fixed-size fields in order. */
  static final class Reader {
    private final byte[] bytes;
    private int offset;

    Reader(byte[] bytes) {
      this.bytes = bytes;
    }

    byte[] take(int length) throws HandshakeException {
      if (offset + length > bytes.length) {
        throw new HandshakeException(HandshakeException.Code.BAD_LENGTH);
      }
      byte[] out = new byte[length];
      System.arraycopy(bytes, offset, out, 0, length);
      offset += length;
      return out;
    }

    byte[] rest() throws HandshakeException {
      return take(bytes.length - offset);
    }
  }
}
