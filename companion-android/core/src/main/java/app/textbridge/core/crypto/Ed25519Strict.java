package app.textbridge.core.crypto;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Strict Ed25519 verification (PROTOCOL.md §2): canonical {@code s < L} is required (Bouncy
 * Castle's RFC 8032 verifier checks it, unlike tweetnacl), as are canonical point encodings. Not
 * used by protocol 1; kept reviewed against Wycheproof for a later version.
 */
public final class Ed25519Strict {
  private Ed25519Strict() {}

  public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    if (publicKey.length != Ed25519.PUBLIC_KEY_SIZE || signature.length != Ed25519.SIGNATURE_SIZE) {
      return false;
    }
    try {
      return Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length);
    } catch (IllegalArgumentException | IllegalStateException e) {
      return false;
    }
  }
}
