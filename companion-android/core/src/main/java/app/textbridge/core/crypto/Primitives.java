package app.textbridge.core.crypto;

import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** The primitives of PROTOCOL.md §2: HASH, HMAC, HKDF2/3, NONCE, SEAL, OPEN, DH, GENERATE. */
public final class Primitives {
  private Primitives() {}

  /** SHA-512. */
  public static byte[] hash(byte[]... parts) {
    SHA512Digest digest = new SHA512Digest();
    for (byte[] p : parts) digest.update(p, 0, p.length);
    byte[] out = new byte[64];
    digest.doFinal(out, 0);
    return out;
  }

  /** HMAC-SHA-512 over the concatenation of {@code parts}. */
  public static byte[] hmac(byte[] key, byte[]... parts) {
    HMac mac = new HMac(new SHA512Digest());
    mac.init(new KeyParameter(key));
    for (byte[] p : parts) mac.update(p, 0, p.length);
    byte[] out = new byte[64];
    mac.doFinal(out, 0);
    return out;
  }

  /** HKDF2(ck, ikm) = (o1, o2). */
  public static byte[][] hkdf2(byte[] ck, byte[] ikm) {
    byte[] t = hmac(ck, ikm);
    byte[] o1 = hmac(t, new byte[] {1});
    byte[] o2 = hmac(t, o1, new byte[] {2});
    return new byte[][] {o1, o2};
  }

  /** HKDF3(ck, ikm) = (o1, o2, o3). */
  public static byte[][] hkdf3(byte[] ck, byte[] ikm) {
    byte[] t = hmac(ck, ikm);
    byte[] o1 = hmac(t, new byte[] {1});
    byte[] o2 = hmac(t, o1, new byte[] {2});
    byte[] o3 = hmac(t, o2, new byte[] {3});
    return new byte[][] {o1, o2, o3};
  }

  /** NONCE(n): 16 zero bytes, then n as a 64-bit big-endian integer. */
  public static byte[] nonce(long n) {
    byte[] out = new byte[24];
    for (int i = 0; i < 8; i++) out[23 - i] = (byte) (n >>> (8 * i));
    return out;
  }

  public static byte[] seal(byte[] key, long n, byte[] plaintext) {
    return Nacl.secretbox(plaintext, nonce(n), key);
  }

  public static byte[] open(byte[] key, long n, byte[] ciphertext) throws CryptoException {
    return Nacl.secretboxOpen(ciphertext, nonce(n), key);
  }

  /** DH(sk, pk), refusing an all-zero result. */
  public static byte[] dh(byte[] secretKey, byte[] publicKey) throws CryptoException {
    return Nacl.scalarMult(secretKey, publicKey);
  }
}
