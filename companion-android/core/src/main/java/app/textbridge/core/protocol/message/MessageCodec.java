package app.textbridge.core.protocol.message;

import app.textbridge.core.protocol.Role;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Encodes and decodes envelopes (PROTOCOL.md §8) with the same outcomes as
 * shared/protocol/messages/codec.ts: unknown type and unsupported version are answered, anything
 * else invalid is a {@link MessageException} (close 4000).
 */
public final class MessageCodec {
  private static final Schema ENVELOPE =
      Schema.object()
          .req("type", Schema.string(1, 64))
          .req("v", Schema.integer(1))
          .opt("id", Shapes.REQUEST_ID_SCHEMA)
          .opt("ref", Shapes.REQUEST_ID_SCHEMA)
          .req("body", Schema.looseObject());

  private MessageCodec() {}

  /** Validates before sending too: a malformed outgoing message is our bug, caught here. */
  public static byte[] encode(Message m, Role sender) throws MessageException {
    if (!m.type.maySend(sender)) {
      throw new MessageException(
          MessageException.Code.WRONG_DIRECTION, sender.wire + " " + m.type.wire);
    }
    if (!m.type.hasNeeded(m.id, m.ref)) {
      throw new MessageException(
          MessageException.Code.MALFORMED, m.type.wire + " needs " + m.type.needs);
    }
    try {
      m.type.body.check(m.body());
    } catch (Schema.Violation e) {
      throw new MessageException(
          MessageException.Code.INVALID_BODY, m.type.wire + " " + e.getMessage());
    }
    return Json.encode(m.toJson());
  }

  public static Received decode(byte[] plaintext, Role receiver) throws MessageException {
    JsonElement json;
    try {
      json = Json.parse(plaintext);
    } catch (Json.ParseException e) {
      throw new MessageException(MessageException.Code.MALFORMED, "not UTF-8 JSON");
    }
    JsonObject env;
    try {
      env = ENVELOPE.check(json).getAsJsonObject();
    } catch (Schema.Violation e) {
      throw new MessageException(MessageException.Code.MALFORMED, "bad envelope");
    }
    String typeName = env.get("type").getAsString();
    String id = env.has("id") ? env.get("id").getAsString() : null;
    String ref = env.has("ref") ? env.get("ref").getAsString() : null;
    MessageType type = MessageType.fromWire(typeName);
    if (type == null) return Received.unknownType(typeName, id);
    long v = env.get("v").getAsLong();
    if (v != MessageType.TYPE_VERSION) return Received.unsupportedVersion(typeName, id);
    if (!type.maySend(receiver.other())) {
      throw new MessageException(MessageException.Code.WRONG_DIRECTION, typeName);
    }
    if (!type.hasNeeded(id, ref)) {
      throw new MessageException(MessageException.Code.MALFORMED, typeName + " without its id/ref");
    }
    JsonObject body;
    try {
      body = type.body.check(env.get("body")).getAsJsonObject();
    } catch (Schema.Violation e) {
      throw new MessageException(
          MessageException.Code.INVALID_BODY, typeName + " " + e.getMessage());
    }
    if (type == MessageType.HELLO && body.get("role").getAsString().equals(receiver.wire)) {
      throw new MessageException(MessageException.Code.INVALID_BODY, "hello role");
    }
    return Received.message(new Message(type, (int) v, id, ref, body));
  }
}
