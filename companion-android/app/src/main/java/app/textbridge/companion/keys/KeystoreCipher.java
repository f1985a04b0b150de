package app.textbridge.companion.keys;

import android.security.keystore.KeyGenParameterSpec;
import android.security.keystore.KeyProperties;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The real {@link SecretCipher}: a 256-bit AES key generated inside AndroidKeyStore (TEE or
 * StrongBox hardware where the phone has it), usable only for AES/GCM/NoPadding and never
 * exportable. No user-authentication requirement: the service must open the key file after a reboot
 * with the screen locked. Randomized encryption (the default) makes the keystore choose every IV,
 * so an IV is never reused.
 */
public final class KeystoreCipher implements SecretCipher {
  private static final String PROVIDER = "AndroidKeyStore";
  private static final String ALIAS = "textbridge.keyfile.v1";
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";

  @Override
  public Sealed seal(byte[] plaintext, byte[] aad) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance(TRANSFORMATION);
    cipher.init(Cipher.ENCRYPT_MODE, keyCreatingIfNeeded());
    cipher.updateAAD(aad);
    byte[] ciphertext = cipher.doFinal(plaintext);
    return new Sealed(cipher.getIV(), ciphertext);
  }

  @Override
  public byte[] open(byte[] iv, byte[] ciphertext, byte[] aad) throws GeneralSecurityException {
    SecretKey key = existingKey();
    if (key == null) {
      throw new KeyStoreException("the key file's wrapping key is gone");
    }
    Cipher cipher = Cipher.getInstance(TRANSFORMATION);
    cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, iv));
    cipher.updateAAD(aad);
    return cipher.doFinal(ciphertext);
  }

  @Override
  public boolean hasKey() throws GeneralSecurityException {
    return keyStore().containsAlias(ALIAS);
  }

  @Override
  public void deleteKey() throws GeneralSecurityException {
    KeyStore ks = keyStore();
    if (ks.containsAlias(ALIAS)) {
      ks.deleteEntry(ALIAS);
    }
  }

  private static KeyStore keyStore() throws GeneralSecurityException {
    KeyStore ks = KeyStore.getInstance(PROVIDER);
    try {
      ks.load(null);
    } catch (IOException e) {
      throw new KeyStoreException("AndroidKeyStore could not be loaded", e);
    }
    return ks;
  }

  private static SecretKey existingKey() throws GeneralSecurityException {
    KeyStore ks = keyStore();
    return ks.containsAlias(ALIAS) ? (SecretKey) ks.getKey(ALIAS, null) : null;
  }

  private static SecretKey keyCreatingIfNeeded() throws GeneralSecurityException {
    SecretKey key = existingKey();
    if (key != null) {
      return key;
    }
    KeyGenerator generator = KeyGenerator.getInstance(KeyProperties.KEY_ALGORITHM_AES, PROVIDER);
    generator.init(
        new KeyGenParameterSpec.Builder(
                ALIAS, KeyProperties.PURPOSE_ENCRYPT | KeyProperties.PURPOSE_DECRYPT)
            .setBlockModes(KeyProperties.BLOCK_MODE_GCM)
            .setEncryptionPaddings(KeyProperties.ENCRYPTION_PADDING_NONE)
            .setKeySize(256)
            .build());
    return generator.generateKey();
  }
}
