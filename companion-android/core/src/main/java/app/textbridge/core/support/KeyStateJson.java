package app.textbridge.core.support;

import app.textbridge.core.crypto.Bytes;
import app.textbridge.core.model.PairedDesktop;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The phone's key state as UTF-8 JSON: {@code secretKey} (hex), {@code instanceId} and {@code
 * desktops} (public key hex, name, instance id, pairedAt). One format for the Android key file
 * (which encrypts it) and the JVM runner's plain development file.
 */
public final class KeyStateJson {
  /** What the JSON holds; absent values are null. */
  public static final class State {
    public final byte[] secretKey;
    public final String instanceId;
    public final List<PairedDesktop> desktops;

    State(byte[] secretKey, String instanceId, List<PairedDesktop> desktops) {
      this.secretKey = secretKey;
      this.instanceId = instanceId;
      this.desktops = Collections.unmodifiableList(desktops);
    }
  }

  private KeyStateJson() {}

  public static byte[] encode(byte[] secretKey, String instanceId, List<PairedDesktop> desktops) {
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
    return o.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Throws a RuntimeException (Gson's, or IllegalArgumentException) when malformed. */
  public static State decode(byte[] json) {
    JsonObject o =
        JsonParser.parseString(new String(json, StandardCharsets.UTF_8)).getAsJsonObject();
    byte[] secret = o.has("secretKey") ? Bytes.unhex(o.get("secretKey").getAsString()) : null;
    if (secret != null && secret.length != 32) {
      throw new IllegalArgumentException("secret key length");
    }
    String id = o.has("instanceId") ? o.get("instanceId").getAsString() : null;
    List<PairedDesktop> desktops = new ArrayList<>();
    for (JsonElement e : o.getAsJsonArray("desktops")) {
      JsonObject d = e.getAsJsonObject();
      desktops.add(
          new PairedDesktop(
              Bytes.unhex(d.get("publicKey").getAsString()),
              d.get("name").getAsString(),
              d.get("instanceId").getAsString(),
              d.get("pairedAt").getAsLong()));
    }
    return new State(secret, id, desktops);
  }
}
