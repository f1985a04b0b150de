package app.textbridge.core.port;

import app.textbridge.core.model.PairedDesktop;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Durable, private storage for the phone's identity and its paired desktops. Android: a file in
 * no-backup storage encrypted with an Android Keystore key. Every write is durable when the method
 * returns.
 */
public interface KeyStorage {
  /** The phone's static X25519 secret key (32 bytes), if one was generated. */
  Optional<byte[]> loadStaticSecretKey() throws IOException;

  void saveStaticSecretKey(byte[] secretKey) throws IOException;

  /** The instance id (32 hex) advertised in TXT {@code id}, if one was generated. */
  Optional<String> loadInstanceId() throws IOException;

  void saveInstanceId(String instanceId) throws IOException;

  List<PairedDesktop> pairedDesktops() throws IOException;

  /** Adds or replaces the desktop with the same public key. */
  void savePairedDesktop(PairedDesktop desktop) throws IOException;

  /** Forgets a desktop; returns whether it was known. */
  boolean removePairedDesktop(byte[] publicKey) throws IOException;
}
