package app.textbridge.core.pairing;

import app.textbridge.core.crypto.Bytes;
import app.textbridge.core.crypto.KeyPair;
import app.textbridge.core.crypto.Nacl;
import app.textbridge.core.model.PairedDesktop;
import app.textbridge.core.port.KeyStorage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The phone's identity: its static key, its instance id and the desktops it pairs with, cached in
 * memory over {@link KeyStorage}. A fresh instance id is made after the last desktop is unpaired
 * (PROTOCOL.md §3 TXT {@code id}). Thread-safe.
 */
public final class Identity {
  private final KeyStorage storage;
  private final KeyPair staticKeys;
  private String instanceId;
  private final List<PairedDesktop> desktops;

  private Identity(
      KeyStorage storage, KeyPair staticKeys, String instanceId, List<PairedDesktop> desktops) {
    this.storage = storage;
    this.staticKeys = staticKeys;
    this.instanceId = instanceId;
    this.desktops = new ArrayList<>(desktops);
  }

  /** Loads the identity, generating and storing a key and an instance id the first time. */
  public static Identity load(KeyStorage storage) throws IOException {
    Optional<byte[]> secret = storage.loadStaticSecretKey();
    KeyPair keys;
    if (secret.isPresent()) {
      keys = KeyPair.fromSecret(secret.get());
    } else {
      keys = KeyPair.generate();
      storage.saveStaticSecretKey(keys.secretKey());
    }
    Optional<String> id = storage.loadInstanceId();
    String instanceId = id.isPresent() ? id.get() : newInstanceId(storage);
    return new Identity(storage, keys, instanceId, storage.pairedDesktops());
  }

  private static String newInstanceId(KeyStorage storage) throws IOException {
    String id = Bytes.hex(Nacl.randomBytes(16));
    storage.saveInstanceId(id);
    return id;
  }

  public KeyPair staticKeys() {
    return staticKeys;
  }

  public synchronized String instanceId() {
    return instanceId;
  }

  public synchronized boolean isPaired(byte[] desktopKey) {
    return find(desktopKey) != null;
  }

  /** The paired desktop with this key, or null. */
  public synchronized PairedDesktop find(byte[] desktopKey) {
    for (PairedDesktop d : desktops) if (d.hasKey(desktopKey)) return d;
    return null;
  }

  public synchronized List<PairedDesktop> desktops() {
    return new ArrayList<>(desktops);
  }

  /** Stores a newly accepted desktop (durable before it returns). */
  public synchronized void add(PairedDesktop desktop) throws IOException {
    storage.savePairedDesktop(desktop);
    desktops.removeIf(d -> d.hasKey(desktop.publicKey()));
    desktops.add(desktop);
  }

  /**
   * Forgets a desktop. Returns true when this was the last one: the instance id was then renewed.
   */
  public synchronized boolean remove(byte[] desktopKey) throws IOException {
    storage.removePairedDesktop(desktopKey);
    desktops.removeIf(d -> d.hasKey(desktopKey));
    if (!desktops.isEmpty()) return false;
    instanceId = newInstanceId(storage);
    return true;
  }
}
