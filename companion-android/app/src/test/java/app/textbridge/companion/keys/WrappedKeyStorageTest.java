package app.textbridge.companion.keys;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import app.textbridge.core.crypto.Bytes;
import app.textbridge.core.model.PairedDesktop;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;

/** The key file's wrapping: round trip, format, and every way it can become unreadable. */
@RunWith(RobolectricTestRunner.class)
public class WrappedKeyStorageTest {
  private final File file =
      new File(
          RuntimeEnvironment.getApplication().getNoBackupFilesDir(), WrappedKeyStorage.FILE_NAME);
  private final SoftwareCipher cipher = new SoftwareCipher();

  private static byte[] key(int fill) {
    byte[] k = new byte[32];
    Arrays.fill(k, (byte) fill);
    return k;
  }

  @Test
  public void everythingRoundTripsThroughTheSealedFile() throws Exception {
    WrappedKeyStorage s = WrappedKeyStorage.open(file, cipher);
    assertFalse("a first start has nothing", s.loadStaticSecretKey().isPresent());
    s.saveStaticSecretKey(key(7));
    s.saveInstanceId("0123456789abcdef0123456789abcdef");
    s.savePairedDesktop(
        new PairedDesktop(
            key(1), "Ada’s laptop", "a1b2c3d4e5f60718293a4b5c6d7e8f90", 1700000000000L));
    s.savePairedDesktop(
        new PairedDesktop(key(2), "Office PC", "b1b2c3d4e5f60718293a4b5c6d7e8f90", 1700000001000L));
    s.savePairedDesktop(
        new PairedDesktop(
            key(1), "Ada’s new name", "a1b2c3d4e5f60718293a4b5c6d7e8f90", 1700000002000L));
    assertTrue(s.removePairedDesktop(key(2)));
    assertFalse(s.removePairedDesktop(key(3)));

    WrappedKeyStorage again = WrappedKeyStorage.open(file, cipher); // the process restarted
    assertArrayEquals(key(7), again.loadStaticSecretKey().get());
    assertEquals("0123456789abcdef0123456789abcdef", again.loadInstanceId().get());
    assertEquals(1, again.pairedDesktops().size());
    assertEquals("Ada’s new name", again.pairedDesktops().get(0).name);
    assertEquals(1700000002000L, again.pairedDesktops().get(0).pairedAt);
  }

  @Test
  public void theFileIsTheDocumentedFormatAndHoldsNoPlaintext() throws Exception {
    WrappedKeyStorage s = WrappedKeyStorage.open(file, cipher);
    s.saveStaticSecretKey(key(0x5a));
    s.saveInstanceId("0123456789abcdef0123456789abcdef");
    byte[] raw = Files.readAllBytes(file.toPath());
    assertArrayEquals("TBKF".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(raw, 4));
    assertEquals("version", 1, raw[4]);
    assertEquals("IV length", 12, raw[5]);
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    assertFalse("the secret key never appears in clear", text.contains(Bytes.hex(key(0x5a))));
    assertFalse(text.contains("0123456789abcdef"));
    assertFalse(text.contains("secretKey"));
    assertTrue(
        "the file sits in no-backup storage", file.getParentFile().getPath().endsWith("no_backup"));
  }

  @Test
  public void aLostKeystoreKeyOrATamperedFileIsAClearUnreadableStateNotACrash() throws Exception {
    WrappedKeyStorage.open(file, cipher).saveStaticSecretKey(key(9));
    byte[] good = Files.readAllBytes(file.toPath());

    byte[] flipped = good.clone();
    flipped[flipped.length - 1] ^= 1;
    Files.write(file.toPath(), flipped);
    expectUnreadable();

    Files.write(file.toPath(), Arrays.copyOf(good, 10));
    expectUnreadable();

    Files.write(file.toPath(), "{\"secretKey\":\"00\"}".getBytes(StandardCharsets.UTF_8));
    expectUnreadable();

    byte[] otherVersion = good.clone();
    otherVersion[4] = 2;
    Files.write(file.toPath(), otherVersion);
    expectUnreadable();

    Files.write(file.toPath(), good);
    cipher.lose();
    expectUnreadable();

    WrappedKeyStorage.reset(file, cipher);
    WrappedKeyStorage fresh = WrappedKeyStorage.open(file, cipher);
    assertFalse(
        "after a reset the phone starts a new identity", fresh.loadStaticSecretKey().isPresent());
    fresh.saveStaticSecretKey(key(4));
    assertArrayEquals(key(4), WrappedKeyStorage.open(file, cipher).loadStaticSecretKey().get());
  }

  @Test
  public void aFailedWriteLeavesTheStoredStateAsItWas() throws Exception {
    WrappedKeyStorage s = WrappedKeyStorage.open(file, cipher);
    s.saveInstanceId("0123456789abcdef0123456789abcdef");
    SecretCipher broken =
        new SecretCipher() {
          @Override
          public Sealed seal(byte[] p, byte[] aad) throws java.security.GeneralSecurityException {
            throw new java.security.KeyStoreException("keystore busy");
          }

          @Override
          public byte[] open(byte[] iv, byte[] c, byte[] aad)
              throws java.security.GeneralSecurityException {
            return cipher.open(iv, c, aad);
          }

          @Override
          public boolean hasKey() {
            return true;
          }

          @Override
          public void deleteKey() {}
        };
    WrappedKeyStorage failing = WrappedKeyStorage.open(file, broken);
    try {
      failing.savePairedDesktop(
          new PairedDesktop(key(1), "PC", "a1b2c3d4e5f60718293a4b5c6d7e8f90", 1L));
      fail("the write failed");
    } catch (java.io.IOException expected) {
      assertTrue(failing.pairedDesktops().isEmpty());
    }
    assertTrue(WrappedKeyStorage.open(file, cipher).pairedDesktops().isEmpty());
  }

  private void expectUnreadable() throws Exception {
    try {
      WrappedKeyStorage.open(file, cipher);
      fail("unreadable");
    } catch (KeysUnreadableException expected) {
      assertFalse("no key material in the message", expected.getMessage().contains("5a5a"));
    }
  }
}
