package app.textbridge.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.textbridge.core.crypto.Bytes;
import app.textbridge.core.protocol.message.MessageCodec;
import app.textbridge.core.protocol.message.MessageException;
import app.textbridge.core.protocol.message.Received;
import app.textbridge.core.protocol.message.Shapes;
import org.junit.jupiter.api.Test;

/**
 * Limits of attachment.upload that the vectors leave to each suite (a full-size chunk would make
 * messages.json several times larger): the same cases as codec.test.ts.
 */
class UploadShapesTest {
  private static final int MAX_CHUNK = 196_608;

  private static byte[] chunk(int total, String data) {
    return Bytes.utf8(
        "{\"type\":\"attachment.upload\",\"v\":1,\"id\":\"u1\",\"body\":{\"uploadId\":\"xxxxxxxxxxxxxxxx\","
            + "\"offset\":0,\"total\":"
            + total
            + ",\"mime\":\"a/b\",\"name\":null,\"data\":\""
            + data
            + "\"}}");
  }

  private static String zeros(int chars) {
    StringBuilder b = new StringBuilder(chars);
    for (int i = 0; i < chars; i++) b.append('A');
    return b.toString();
  }

  @Test
  void takesTheLargestChunkAndRefusesOneByteMore() throws Exception {
    String max = zeros(MAX_CHUNK / 3 * 4);
    assertEquals(
        Received.Kind.MESSAGE, MessageCodec.decode(chunk(MAX_CHUNK, max), Role.PHONE).kind);
    assertThrows(
        MessageException.class,
        () -> MessageCodec.decode(chunk(MAX_CHUNK + 1, max + "AA=="), Role.PHONE));
  }

  @Test
  void countsTheBytesOfCanonicalPaddedBase64Only() {
    assertEquals(0, Shapes.base64Bytes(""));
    assertEquals(4, Shapes.base64Bytes("SkZJRg=="));
    assertEquals(5, Shapes.base64Bytes("SkZJRkk="));
    assertEquals(6, Shapes.base64Bytes("/9j/4AAQ"));
    for (String bad :
        new String[] {
          "SkZJRg", "SkZJRh==", "SkZJRkl=", "=AAA", "A===", "====", "AB=C", "_9j-", "AA\nA"
        }) {
      assertEquals(-1, Shapes.base64Bytes(bad), bad);
    }
  }
}
