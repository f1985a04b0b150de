package app.textbridge.core.protocol.message;

import com.google.gson.JsonObject;
import java.util.Objects;

/** A validated envelope (PROTOCOL.md §8). The body is the schema-normalised JSON object. */
public final class Message {
  public final MessageType type;
  public final int v;

  /** Null when absent. */
  public final String id;

  /** Null when absent. */
  public final String ref;

  private final JsonObject body;

  public Message(MessageType type, String id, String ref, JsonObject body) {
    this(type, MessageType.TYPE_VERSION, id, ref, body);
  }

  Message(MessageType type, int v, String id, String ref, JsonObject body) {
    this.type = Objects.requireNonNull(type, "type");
    this.v = v;
    this.id = id;
    this.ref = ref;
    this.body = Objects.requireNonNull(body, "body");
  }

  public static Message of(MessageType type, JsonObject body) {
    return new Message(type, null, null, body);
  }

  public static Message request(MessageType type, String id, JsonObject body) {
    return new Message(type, id, null, body);
  }

  public static Message reply(MessageType type, String ref, JsonObject body) {
    return new Message(type, null, ref, body);
  }

  /** A copy of the body (callers may not change this message). */
  public JsonObject body() {
    return body.deepCopy();
  }

  /** The envelope as a JSON object: type, v, id?, ref?, body (the TS encoder's key order). */
  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    o.addProperty("type", type.wire);
    o.addProperty("v", v);
    if (id != null) o.addProperty("id", id);
    if (ref != null) o.addProperty("ref", ref);
    o.add("body", body.deepCopy());
    return o;
  }
}
