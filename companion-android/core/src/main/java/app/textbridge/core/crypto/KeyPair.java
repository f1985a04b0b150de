package app.textbridge.core.crypto;

/** An X25519 key pair (GENERATE() of PROTOCOL.md §2). */
public final class KeyPair {
  private final byte[] secretKey;
  private final byte[] publicKey;

  private KeyPair(byte[] secretKey, byte[] publicKey) {
    this.secretKey = secretKey;
    this.publicKey = publicKey;
  }

  public static KeyPair generate() {
    return fromSecret(Nacl.randomBytes(32));
  }

  public static KeyPair fromSecret(byte[] secretKey) {
    byte[] sk = secretKey.clone();
    return new KeyPair(sk, Nacl.publicKey(sk));
  }

  /** Only for vectors: a pair whose public half is given as is (it may be a low-order point). */
  public static KeyPair ofUnchecked(byte[] secretKey, byte[] publicKey) {
    return new KeyPair(secretKey.clone(), publicKey.clone());
  }

  public byte[] secretKey() {
    return secretKey.clone();
  }

  public byte[] publicKey() {
    return publicKey.clone();
  }

  @Override
  public String toString() {
    return "KeyPair(" + Bytes.hex(publicKey).substring(0, 8) + "…)";
  }
}
