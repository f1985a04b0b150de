package app.textbridge.companion.keys;

import java.security.GeneralSecurityException;

/**
 * AES-GCM with a key this process cannot read. On a phone: {@link KeystoreCipher} (AndroidKeyStore,
 * non-exportable). A seam because the JVM tests have no AndroidKeyStore provider.
 */
public interface SecretCipher {
  /** Encrypts; the cipher picks a fresh IV and returns it with the ciphertext. */
  Sealed seal(byte[] plaintext, byte[] aad) throws GeneralSecurityException;

  /** Decrypts and authenticates; any failure (wrong key, tampering, key gone) throws. */
  byte[] open(byte[] iv, byte[] ciphertext, byte[] aad) throws GeneralSecurityException;

  /** Whether the wrapping key exists (false: a file sealed earlier can never be opened). */
  boolean hasKey() throws GeneralSecurityException;

  /** Deletes the wrapping key (pairing reset). */
  void deleteKey() throws GeneralSecurityException;

  /** An IV and the ciphertext with its tag. */
  final class Sealed {
    public final byte[] iv;
    public final byte[] ciphertext;

    public Sealed(byte[] iv, byte[] ciphertext) {
      this.iv = iv;
      this.ciphertext = ciphertext;
    }
  }
}
