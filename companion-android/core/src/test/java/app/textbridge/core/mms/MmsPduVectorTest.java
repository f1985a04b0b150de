package app.textbridge.core.mms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Whole m-send-req PDUs against the hand-written vectors in src/test/resources/mms/ (every header
 * annotated there). A mismatch names the first differing offset, with both sides around it.
 */
class MmsPduVectorTest {
  static final byte[] TINY_JPEG = {
    (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDB, 0, 4, 0, 0, (byte) 0xFF, (byte) 0xD9
  };

  static MmsSendRequest oneRecipientText() throws MmsException {
    return MmsSendRequest.builder()
        .transactionId("T1")
        .date(1_700_000_000L)
        .recipient("+44 7700 900123")
        .text("Hi")
        .build();
  }

  static MmsSendRequest groupTextJpeg() throws MmsException {
    return MmsSendRequest.builder()
        .transactionId("T2")
        .date(1_700_000_000L)
        .recipients(Arrays.asList("+447700900123", "+1 (202) 555-0147", "ana@example.org"))
        .subject("Été")
        .expirySeconds(7 * 24 * 3600)
        .priority(MmsSendRequest.Priority.NORMAL)
        .deliveryReport(true)
        .text("See you there \uD83D\uDC4B")
        .part("image/jpeg", "photo.jpg", TINY_JPEG)
        .build();
  }

  @Test
  void oneRecipientAndTextMatchTheVectorByteForByte() throws Exception {
    assertPdu("one-recipient-text.hex", oneRecipientText());
  }

  @Test
  void aGroupOfThreeWithTextAndAJpegMatchTheVectorByteForByte() throws Exception {
    assertPdu("group-text-jpeg.hex", groupTextJpeg());
  }

  @Test
  void theSizeIsKnownBeforeEncoding() throws Exception {
    for (MmsSendRequest r : new MmsSendRequest[] {oneRecipientText(), groupTextJpeg()}) {
      byte[] pdu = MmsPduEncoder.encode(r, 300 * 1024);
      assertEquals(pdu.length, MmsPduEncoder.encodedSize(r));
      // A limit of exactly the size is enough; one byte less is not.
      assertEquals(pdu.length, MmsPduEncoder.encode(r, pdu.length).length);
      MmsException e =
          assertThrows(MmsException.class, () -> MmsPduEncoder.encode(r, pdu.length - 1));
      assertEquals(MmsException.Problem.TOO_LARGE, e.problem());
      assertEquals(pdu.length, e.size());
      assertEquals(pdu.length - 1, e.limit());
    }
  }

  /** Each number against OMNA's "WSP Content Type Numbers" (WAP-230-WSP Table 40), by hand. */
  @Test
  void wellKnownContentTypesHaveTheirAssignedNumbers() {
    Map<String, Integer> omna = new HashMap<>();
    omna.put("text/html", 0x02);
    omna.put("text/plain", 0x03);
    omna.put("text/x-vcalendar", 0x06);
    omna.put("text/x-vcard", 0x07);
    omna.put("image/gif", 0x1D);
    omna.put("image/jpeg", 0x1E);
    omna.put("image/tiff", 0x1F);
    omna.put("image/png", 0x20);
    omna.put("image/vnd.wap.wbmp", 0x21);
    omna.put("application/xml", 0x27);
    omna.put("text/xml", 0x28);
    omna.put("application/vnd.wap.multipart.related", 0x33);
    assertEquals(omna, WspContentTypes.all());
    assertEquals(0x1E, WspContentTypes.code("IMAGE/JPEG"), "MIME types are case-insensitive");
    assertEquals(-1, WspContentTypes.code("application/smil"), "SMIL has no assigned number");
    assertEquals(-1, WspContentTypes.code("video/mp4"));
    assertEquals(-1, WspContentTypes.code("image/webp"));
  }

  static void assertPdu(String vector, MmsSendRequest request) throws Exception {
    byte[] expected = HexVector.resource(vector);
    byte[] actual = MmsPduEncoder.encode(request, 300 * 1024);
    int at = firstDifference(expected, actual);
    if (at >= 0) {
      throw new AssertionError(
          vector
              + ": first difference at offset "
              + at
              + " (lengths "
              + expected.length
              + " and "
              + actual.length
              + ")\n expected ..."
              + around(expected, at)
              + "\n actual   ..."
              + around(actual, at));
    }
  }

  private static int firstDifference(byte[] a, byte[] b) {
    for (int i = 0; i < Math.min(a.length, b.length); i++) if (a[i] != b[i]) return i;
    return a.length == b.length ? -1 : Math.min(a.length, b.length);
  }

  private static String around(byte[] b, int at) {
    int from = Math.max(0, at - 8);
    int to = Math.min(b.length, at + 8);
    return HexVector.hex(Arrays.copyOfRange(b, from, to));
  }
}
