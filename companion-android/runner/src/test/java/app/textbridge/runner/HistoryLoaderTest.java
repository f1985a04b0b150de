package app.textbridge.runner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.textbridge.core.model.PartData;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** FORMAT.md rules on load. */
class HistoryLoaderTest {
  private static History load(String json) throws IOException {
    return HistoryLoader.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void builtinHistoryLoadsWithItsImage() throws Exception {
    History h = BuiltinHistory.load();
    assertTrue(h.messages > 5);
    assertEquals(3, h.contacts.count());
    assertEquals(2, h.sims.size());
    PartData part = h.store.readPart("mms:1:1", 0, 1000).get();
    assertEquals("image/png", part.mime);
    assertArrayEquals(Base64.getDecoder().decode(BuiltinHistory.DOT_PNG), part.bytes);
    assertEquals(5000, load(HistoryFiles.generate(5000, 10)).store.count());
  }

  @Test
  void refusesWhatTheFormatForbids() {
    JsonObject doc = BuiltinHistory.document();
    doc.addProperty("format", "other");
    assertThrows(HistoryLoader.BadHistoryException.class, () -> load(doc.toString()));

    JsonObject v2 = BuiltinHistory.document();
    v2.addProperty("version", 2);
    assertThrows(HistoryLoader.BadHistoryException.class, () -> load(v2.toString()));

    JsonObject dup = BuiltinHistory.document();
    dup.getAsJsonArray("messages").add(dup.getAsJsonArray("messages").get(0).deepCopy());
    assertThrows(HistoryLoader.BadHistoryException.class, () -> load(dup.toString()));

    JsonObject nullThread = BuiltinHistory.document();
    nullThread
        .getAsJsonArray("messages")
        .get(0)
        .getAsJsonObject()
        .add("threadId", com.google.gson.JsonNull.INSTANCE);
    assertThrows(HistoryLoader.BadHistoryException.class, () -> load(nullThread.toString()));

    JsonObject badSize = BuiltinHistory.document();
    String text = badSize.toString().replace("\"size\":70", "\"size\":71");
    assertThrows(HistoryLoader.BadHistoryException.class, () -> load(text));

    assertThrows(
        IOException.class, () -> load("{\"format\":\"textbridge-history\",\"version\":1,"));
    assertTrue(JsonParser.parseString(BuiltinHistory.document().toString()).isJsonObject());
  }
}
