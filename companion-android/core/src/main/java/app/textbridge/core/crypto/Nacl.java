package app.textbridge.core.crypto;

import java.security.SecureRandom;
import org.bouncycastle.crypto.engines.Salsa20Engine;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.bouncycastle.util.Arrays;
import org.bouncycastle.util.Pack;

/**
 * NaCl-compatible box and secretbox on Bouncy Castle's light-weight API, byte for byte what
 * tweetnacl-js returns: secretbox output is the 16-byte Poly1305 tag followed by the ciphertext,
 * the Poly1305 key being the first 32 bytes of the XSalsa20 keystream (PROTOCOL.md §2 SEAL). Unlike
 * tweetnacl, every X25519 result is checked and an all-zero one refused.
 */
public final class Nacl {
  public static final int KEY_BYTES = 32;
  public static final int NONCE_BYTES = 24;
  public static final int TAG_BYTES = 16;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] SIGMA = Bytes.utf8("expand 32-byte k");

  private Nacl() {}

  public static byte[] randomBytes(int length) {
    byte[] out = new byte[length];
    RANDOM.nextBytes(out);
    return out;
  }

  /** crypto_secretbox: tag ‖ ciphertext. */
  public static byte[] secretbox(byte[] message, byte[] nonce, byte[] key) {
    checkLengths(nonce, key);
    XSalsa20Engine cipher = cipher(nonce, key);
    byte[] polyKey = polyKey(cipher);
    byte[] out = new byte[TAG_BYTES + message.length];
    cipher.processBytes(message, 0, message.length, out, TAG_BYTES);
    mac(polyKey, out, TAG_BYTES, message.length, out, 0);
    return out;
  }

  /** crypto_secretbox_open; throws DECRYPT_FAILED when the tag does not verify. */
  public static byte[] secretboxOpen(byte[] box, byte[] nonce, byte[] key) throws CryptoException {
    checkLengths(nonce, key);
    if (box.length < TAG_BYTES) throw new CryptoException(CryptoException.Code.DECRYPT_FAILED);
    XSalsa20Engine cipher = cipher(nonce, key);
    byte[] tag = new byte[TAG_BYTES];
    mac(polyKey(cipher), box, TAG_BYTES, box.length - TAG_BYTES, tag, 0);
    if (!Arrays.constantTimeAreEqual(TAG_BYTES, tag, 0, box, 0)) {
      throw new CryptoException(CryptoException.Code.DECRYPT_FAILED);
    }
    byte[] out = new byte[box.length - TAG_BYTES];
    cipher.processBytes(box, TAG_BYTES, out.length, out, 0);
    return out;
  }

  /** crypto_box: X25519 (checked) + HSalsa20 (crypto_box_beforenm), then secretbox. */
  public static byte[] box(byte[] message, byte[] nonce, byte[] theirPublic, byte[] mySecret)
      throws CryptoException {
    return secretbox(message, nonce, beforenm(theirPublic, mySecret));
  }

  public static byte[] boxOpen(byte[] box, byte[] nonce, byte[] theirPublic, byte[] mySecret)
      throws CryptoException {
    return secretboxOpen(box, nonce, beforenm(theirPublic, mySecret));
  }

  /** crypto_box_beforenm: HSalsa20(X25519(sk, pk), 16 zero bytes). */
  public static byte[] beforenm(byte[] theirPublic, byte[] mySecret) throws CryptoException {
    return hsalsa20(scalarMult(mySecret, theirPublic), new byte[16]);
  }

  /**
   * X25519 (RFC 7748: scalar clamped, top bit of the u-coordinate ignored). Throws LOW_ORDER_POINT
   * when the result is all zero.
   */
  public static byte[] scalarMult(byte[] secretKey, byte[] publicKey) throws CryptoException {
    if (secretKey.length != 32 || publicKey.length != 32) {
      throw new CryptoException(CryptoException.Code.BAD_LENGTH);
    }
    byte[] out = new byte[32];
    X25519.scalarMult(secretKey, 0, publicKey, 0, out, 0);
    if (Arrays.areAllZeroes(out, 0, 32)) {
      throw new CryptoException(CryptoException.Code.LOW_ORDER_POINT);
    }
    return out;
  }

  /** The public key of a 32-byte secret key: X25519(sk, 9). */
  public static byte[] publicKey(byte[] secretKey) {
    if (secretKey.length != 32) throw new IllegalArgumentException("secret key length");
    byte[] out = new byte[32];
    X25519.scalarMultBase(secretKey, 0, out, 0);
    return out;
  }

  /** HSalsa20 core: the Salsa20 rounds without the final addition, words 0,5,10,15,6,7,8,9. */
  static byte[] hsalsa20(byte[] key, byte[] nonce16) {
    int[] in = new int[16];
    in[0] = Pack.littleEndianToInt(SIGMA, 0);
    in[5] = Pack.littleEndianToInt(SIGMA, 4);
    in[10] = Pack.littleEndianToInt(SIGMA, 8);
    in[15] = Pack.littleEndianToInt(SIGMA, 12);
    for (int i = 0; i < 4; i++) {
      in[1 + i] = Pack.littleEndianToInt(key, 4 * i);
      in[11 + i] = Pack.littleEndianToInt(key, 16 + 4 * i);
      in[6 + i] = Pack.littleEndianToInt(nonce16, 4 * i);
    }
    int[] x = new int[16];
    Salsa20Engine.salsaCore(20, in, x);
    int[] words = {0, 5, 10, 15, 6, 7, 8, 9};
    byte[] out = new byte[32];
    for (int i = 0; i < words.length; i++) {
      int w = words[i];
      // salsaCore adds the input back; HSalsa20 wants the raw rounds output.
      Pack.intToLittleEndian(x[w] - in[w], out, 4 * i);
    }
    return out;
  }

  private static XSalsa20Engine cipher(byte[] nonce, byte[] key) {
    XSalsa20Engine engine = new XSalsa20Engine();
    engine.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
    return engine;
  }

  /** The first 32 keystream bytes are the Poly1305 key; the message uses the rest. */
  private static byte[] polyKey(XSalsa20Engine engine) {
    byte[] polyKey = new byte[32];
    engine.processBytes(polyKey, 0, 32, polyKey, 0);
    return polyKey;
  }

  private static void mac(byte[] polyKey, byte[] data, int off, int len, byte[] out, int outOff) {
    Poly1305 poly = new Poly1305();
    poly.init(new KeyParameter(polyKey));
    poly.update(data, off, len);
    poly.doFinal(out, outOff);
  }

  private static void checkLengths(byte[] nonce, byte[] key) {
    if (nonce.length != NONCE_BYTES || key.length != KEY_BYTES) {
      throw new IllegalArgumentException("nonce or key length");
    }
  }
}
