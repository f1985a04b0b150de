package app.textbridge.core.protocol.handshake;

import app.textbridge.core.protocol.Constants;
import app.textbridge.core.protocol.HandshakeException;
import app.textbridge.core.protocol.message.Json;
import app.textbridge.core.protocol.message.Shapes;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * The JSON payload inside handshake messages (PROTOCOL.md §5.2): optional {@code name} (display
 * name) and {@code id} (32 hex); unknown fields ignored.
 */
public final class HandshakePayload {
  public static final HandshakePayload EMPTY = new HandshakePayload(null, null);

  /** Null when absent. */
  public final String name;

  /** Null when absent. */
  public final String id;

  public HandshakePayload(String name, String id) {
    this.name = name;
    this.id = id;
  }

  /** Fixed key order (name, id) so the bytes equal the TypeScript side's. */
  public byte[] encode() throws HandshakeException {
    StringBuilder json = new StringBuilder("{");
    if (name != null) json.append("\"name\":").append(Json.quote(name));
    if (id != null) json.append(name != null ? "," : "").append("\"id\":").append(Json.quote(id));
    byte[] bytes = json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    if (bytes.length > Constants.MAX_HANDSHAKE_PAYLOAD_BYTES) {
      throw new HandshakeException(HandshakeException.Code.BAD_PAYLOAD);
    }
    return bytes;
  }

  public static HandshakePayload decode(byte[] bytes) throws HandshakeException {
    if (bytes.length > Constants.MAX_HANDSHAKE_PAYLOAD_BYTES) throw bad("too long");
    JsonElement json;
    try {
      json = Json.parse(bytes);
    } catch (Json.ParseException e) {
      throw bad("not JSON");
    }
    if (!json.isJsonObject()) throw bad("not an object");
    JsonObject o = json.getAsJsonObject();
    String name = optionalString(o, "name");
    String id = optionalString(o, "id");
    if (name != null && !Shapes.isDisplayName(name)) throw bad("bad name");
    if (id != null && !Shapes.isInstanceId(id)) throw bad("bad id");
    return new HandshakePayload(name, id);
  }

  /** Pairing payloads must carry both fields (§5.2). */
  public HandshakePayload requirePairing() throws HandshakeException {
    if (name == null || id == null) throw bad("pairing payload needs name and id");
    return this;
  }

  private static String optionalString(JsonObject o, String key) throws HandshakeException {
    if (!o.has(key)) return null;
    JsonElement v = o.get(key);
    if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) throw bad(key);
    return v.getAsString();
  }

  private static HandshakeException bad(String detail) {
    return new HandshakeException(HandshakeException.Code.BAD_PAYLOAD, detail);
  }
}
