package app.textbridge.runner;

import app.textbridge.core.crypto.Bytes;
import app.textbridge.core.model.PairedDesktop;
import app.textbridge.core.support.MemoryKeyStorage;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
    JsonObject o = JsonParser.parseString(
        new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).getAsJsonObject();
    if (o.has("secretKey")) secretKey = Bytes.unhex(o.get("secretKey").getAsString());
    if (o.has("instanceId")) instanceId = o.get("instanceId").getAsString();
    for (JsonElement e : o.getAsJsonArray("desktops")) {
      JsonObject d = e.getAsJsonObject();
      desktops.add(new PairedDesktop(Bytes.unhex(d.get("publicKey").getAsString()),
          d.get("name").getAsString(), d.get("instanceId").getAsString(),
          d.get("pairedAt").getAsLong()));
    }
  }

  @Override
  protected void changed() throws IOException {
    super.changed();
    JsonObject o = new JsonObject();
    if (secretKey != null) o.addProperty("secretKey", Bytes.hex(secretKey));
    if (instanceId != null) o.addProperty("instanceId", instanceId);
    JsonArray list = new JsonArray();
    for (PairedDesktop d : desktops) {
      JsonObject j = new JsonObject();
      j.addProperty("publicKey", Bytes.hex(d.publicKey()));
      j.addProperty("name", d.name);
      j.addProperty("instanceId", d.instanceId);
      j.addProperty("pairedAt", d.pairedAt);
      list.add(j);
    }
    o.add("desktops", list);
    AtomicFile.write(file, o.toString().getBytes(StandardCharsets.UTF_8));
    file.toFile().setReadable(false, false);
    file.toFile().setReadable(true, true);
  }
}
