package app.textbridge.runner;

import app.textbridge.core.support.KeyStateJson;
import app.textbridge.core.support.MemoryKeyStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Key storage in {@code <state>/keys.json} (mode 600 where the file system allows). The JVM runner
 * is a development peer: the key file is plain JSON, unlike the phone's Keystore-wrapped file.
 */
final class FileKeyStorage extends MemoryKeyStorage {
  private final Path file;

  FileKeyStorage(Path dir) throws IOException {
    this.file = dir.resolve("keys.json");
    if (Files.exists(file)) read();
  }

  private void read() throws IOException {
    KeyStateJson.State state = KeyStateJson.decode(Files.readAllBytes(file));
    secretKey = state.secretKey;
    instanceId = state.instanceId;
    desktops.addAll(state.desktops);
  }

  @Override
  protected void changed() throws IOException {
    super.changed();
    AtomicFile.write(file, KeyStateJson.encode(secretKey, instanceId, desktops));
    file.toFile().setReadable(false, false);
    file.toFile().setReadable(true, true);
  }
}
