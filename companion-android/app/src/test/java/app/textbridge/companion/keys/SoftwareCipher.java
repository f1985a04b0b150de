package app.textbridge.companion.keys;

import java.security.GeneralSecurityException;
import java.security.KeyStoreException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The tests' stand-in for AndroidKeyStore (Robolectric has no such provider): the same
 * AES/GCM/NoPadding with a 12-byte random IV, the key held in memory. {@link #lose} simulates the
 * keystore entry vanishing.
 */
public final class SoftwareCipher implements SecretCipher {
  private byte[] key;

  @Override
  public Sealed seal(byte[] plaintext, byte[] aad) throws GeneralSecurityException {
    if (key == null) {
      key = new byte[32];
      new SecureRandom().nextBytes(key);
    }
    byte[] iv = new byte[12];
    new SecureRandom().nextBytes(iv);
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
    c.updateAAD(aad);
    return new Sealed(iv, c.doFinal(plaintext));
  }

  @Override
  public byte[] open(byte[] iv, byte[] ciphertext, byte[] aad) throws GeneralSecurityException {
    if (key == null) {
      throw new KeyStoreException("the key file's wrapping key is gone");
    }
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
    c.updateAAD(aad);
    return c.doFinal(ciphertext);
  }

  @Override
  public boolean hasKey() {
    return key != null;
  }

  @Override
  public void deleteKey() {
    key = null;
  }

  public void lose() {
    key = null;
  }
}
