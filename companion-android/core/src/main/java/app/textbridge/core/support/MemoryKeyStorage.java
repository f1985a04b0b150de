package app.textbridge.core.support;

import app.textbridge.core.model.PairedDesktop;
import app.textbridge.core.port.KeyStorage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link KeyStorage} in memory (tests). {@link #changed} is the hook a persistent subclass uses.
 * Thread-safe.
 */
public class MemoryKeyStorage implements KeyStorage {
  protected byte[] secretKey;
  protected String instanceId;
  protected final List<PairedDesktop> desktops = new ArrayList<>();

  /** Counts writes, so tests can show that a failed attempt stored nothing. */
  private int writes;

  @Override
  public synchronized Optional<byte[]> loadStaticSecretKey() {
    return Optional.ofNullable(secretKey == null ? null : secretKey.clone());
  }

  @Override
  public synchronized void saveStaticSecretKey(byte[] key) throws IOException {
    secretKey = key.clone();
    changed();
  }

  @Override
  public synchronized Optional<String> loadInstanceId() {
    return Optional.ofNullable(instanceId);
  }

  @Override
  public synchronized void saveInstanceId(String id) throws IOException {
    instanceId = id;
    changed();
  }

  @Override
  public synchronized List<PairedDesktop> pairedDesktops() {
    return new ArrayList<>(desktops);
  }

  @Override
  public synchronized void savePairedDesktop(PairedDesktop desktop) throws IOException {
    desktops.removeIf(d -> d.hasKey(desktop.publicKey()));
    desktops.add(desktop);
    changed();
  }

  @Override
  public synchronized boolean removePairedDesktop(byte[] publicKey) throws IOException {
    boolean removed = desktops.removeIf(d -> d.hasKey(publicKey));
    changed();
    return removed;
  }

  public synchronized int writes() {
    return writes;
  }

  /** Called with the lock held after every write. */
  protected void changed() throws IOException {
    writes++;
  }
}
