package app.textbridge.companion.keys;

import android.util.AtomicFile;
import app.textbridge.core.model.PairedDesktop;
import app.textbridge.core.port.KeyStorage;
import java.io.File;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The core's {@link KeyStorage} (PORTS.md): the phone's static secret key, its instance id and the
 * paired desktops, in one file sealed by an AndroidKeyStore AES-GCM key ({@link KeyFile}). The file
 * lives in no-backup storage, which neither cloud backup nor device-to-device transfer copies (a
 * key copied without its keystore key could not be opened anyway). Every write goes through
 * AtomicFile (write aside, fsync, rename) and is durable when the call returns; memory is updated
 * only after the write succeeded, so a failed write leaves both as they were.
 */
public final class WrappedKeyStorage implements KeyStorage {
  public static final String FILE_NAME = "keys.tbk";
  private final AtomicFile file;
  private final SecretCipher cipher;
  private KeyFile current;

  private WrappedKeyStorage(File file, SecretCipher cipher, KeyFile current) {
    this.file = new AtomicFile(file);
    this.cipher = cipher;
    this.current = current;
  }

  /**
   * Opens the key file, or starts empty when there is none.
   *
   * @throws KeysUnreadableException when the file exists but cannot be opened (see that class)
   */
  public static WrappedKeyStorage open(File file, SecretCipher cipher) throws IOException {
    AtomicFile atomic = new AtomicFile(file);
    byte[] bytes;
    try {
      bytes = atomic.readFully();
    } catch (FileNotFoundException e) {
      return new WrappedKeyStorage(file, cipher, KeyFile.empty());
    }
    return new WrappedKeyStorage(file, cipher, KeyFile.open(bytes, cipher));
  }

  /** Forgets the identity for good: the file (and its backup) and the keystore key. */
  public static void reset(File file, SecretCipher cipher) throws IOException {
    new AtomicFile(file).delete();
    try {
      cipher.deleteKey();
    } catch (GeneralSecurityException e) {
      throw new IOException("the keystore key could not be deleted", e);
    }
  }

  @Override
  public synchronized Optional<byte[]> loadStaticSecretKey() {
    return Optional.ofNullable(current.secretKey == null ? null : current.secretKey.clone());
  }

  @Override
  public synchronized void saveStaticSecretKey(byte[] secretKey) throws IOException {
    write(current.withSecretKey(secretKey));
  }

  @Override
  public synchronized Optional<String> loadInstanceId() {
    return Optional.ofNullable(current.instanceId);
  }

  @Override
  public synchronized void saveInstanceId(String instanceId) throws IOException {
    write(current.withInstanceId(instanceId));
  }

  @Override
  public synchronized List<PairedDesktop> pairedDesktops() {
    return new ArrayList<>(current.desktops);
  }

  @Override
  public synchronized void savePairedDesktop(PairedDesktop desktop) throws IOException {
    List<PairedDesktop> next = new ArrayList<>(current.desktops);
    next.removeIf(d -> d.hasKey(desktop.publicKey()));
    next.add(desktop);
    write(current.withDesktops(next));
  }

  @Override
  public synchronized boolean removePairedDesktop(byte[] publicKey) throws IOException {
    List<PairedDesktop> next = new ArrayList<>(current.desktops);
    boolean removed = next.removeIf(d -> d.hasKey(publicKey));
    if (removed) {
      write(current.withDesktops(next));
    }
    return removed;
  }

  private void write(KeyFile next) throws IOException {
    byte[] sealed;
    try {
      sealed = next.seal(cipher);
    } catch (GeneralSecurityException e) {
      throw new IOException("the key file could not be sealed", e);
    }
    FileOutputStream out = file.startWrite();
    try {
      out.write(sealed);
      file.finishWrite(out);
    } catch (IOException e) {
      file.failWrite(out);
      throw e;
    }
    current = next;
  }
}
