package app.textbridge.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.textbridge.core.crypto.Bytes;
import app.textbridge.core.protocol.message.Json;
import app.textbridge.core.protocol.message.MessageCodec;
import app.textbridge.core.protocol.message.MessageException;
import app.textbridge.core.protocol.message.MessageType;
import app.textbridge.core.protocol.message.Received;
import app.textbridge.core.testutil.Vectors;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** messages.json: valid envelopes parse to `parsed`; invalid ones get their `expect` reaction. */
class MessagesVectorTest {
  static Role role(JsonObject c) {
    return c.get("receiver").getAsString().equals("phone") ? Role.PHONE : Role.DESKTOP;
  }

  @Test
  void validMessagesParseToTheSameTree() throws Exception {
    JsonObject v = Vectors.load("messages.json");
    Set<String> types = new HashSet<>();
    for (JsonElement e : v.getAsJsonArray("valid")) {
      JsonObject c = e.getAsJsonObject();
      Received r = MessageCodec.decode(Bytes.utf8(c.get("json").getAsString()), role(c));
      assertEquals(Received.Kind.MESSAGE, r.kind, c.get("json").getAsString());
      JsonElement expected = normalise(c.get("parsed"));
      assertEquals(expected, normalise(r.message.toJson()), c.get("json").getAsString());
      // And what we encode parses back to the same tree on the other side.
      byte[] again = MessageCodec.encode(r.message, role(c).other());
      assertEquals(expected, normalise(Json.parse(again)));
      types.add(r.message.type.wire);
    }
    assertEquals(MessageType.values().length, types.size(), "every type has a valid vector");
  }

  @Test
  void invalidMessagesGetTheirReaction() throws Exception {
    JsonObject v = Vectors.load("messages.json");
    for (JsonElement e : v.getAsJsonArray("invalid")) {
      JsonObject c = e.getAsJsonObject();
      byte[] bytes = Bytes.utf8(c.get("json").getAsString());
      String expect = c.get("expect").getAsString();
      String name = c.get("name").getAsString();
      switch (expect) {
        case "close_4000":
          MessageException ex =
              assertThrows(MessageException.class, () -> MessageCodec.decode(bytes, role(c)), name);
          assertEquals(CloseCode.PROTOCOL_ERROR, ex.closeCode());
          break;
        case "unknown_type":
          assertEquals(Received.Kind.UNKNOWN_TYPE, MessageCodec.decode(bytes, role(c)).kind, name);
          break;
        case "unsupported_version":
          assertEquals(
              Received.Kind.UNSUPPORTED_VERSION, MessageCodec.decode(bytes, role(c)).kind, name);
          break;
        default:
          throw new AssertionError("unknown expectation " + expect);
      }
    }
  }

  /** Numbers compared by value (Gson keeps 1 and 1.0 apart). */
  static JsonElement normalise(JsonElement e) throws Exception {
    return Json.parse(Json.stringify(e).replaceAll("(\\d)\\.0([,}\\]])", "$1$2"));
  }
}
