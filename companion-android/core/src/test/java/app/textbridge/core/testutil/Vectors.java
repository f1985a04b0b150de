package app.textbridge.core.testutil;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Reads the golden vectors from the repository (never copies them): ${textbridge.repo}. */
public final class Vectors {
  private Vectors() {}

  public static Path repo() {
    String repo = System.getProperty("textbridge.repo");
    if (repo == null) throw new IllegalStateException("textbridge.repo is not set (run via Maven)");
    return Paths.get(repo).toAbsolutePath().normalize();
  }

  public static JsonObject load(String name) throws IOException {
    Path file = repo().resolve("shared/protocol/vectors").resolve(name);
    return read(file).getAsJsonObject();
  }

  public static JsonElement read(Path file) throws IOException {
    return JsonParser.parseString(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
  }

  /** ${textbridge.repo}/../shared/vectors/wycheproof/NAME. */
  public static Path wycheproof(String name) {
    return repo().resolve("../shared/vectors/wycheproof").resolve(name).normalize();
  }
}
