package app.textbridge.core.mms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.textbridge.core.mms.MmsException.Problem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the builder accepts, how it cleans it up, and the typed refusal for each bad input. */
class MmsSendRequestTest {
  private static final byte[] JPEG = MmsPduVectorTest.TINY_JPEG;

  private static MmsSendRequest.Builder base() {
    return MmsSendRequest.builder().transactionId("T1").recipient("+447700900123").text("hi");
  }

  private static Problem problem(MmsSendRequest.Builder b) {
    return assertThrows(MmsException.class, b::build).problem();
  }

  @Test
  void anEmptyMessageIsRefused() {
    MmsSendRequest.Builder b =
        MmsSendRequest.builder().transactionId("T").recipient("+447700900123");
    assertEquals(Problem.EMPTY_MESSAGE, problem(b));
    assertEquals(Problem.EMPTY_MESSAGE, problem(b.text("")));
    assertEquals(Problem.EMPTY_MESSAGE, problem(b.text(" \n\t ")), "blank text is no text");
  }

  @Test
  void anAttachmentAloneIsAMessage() throws Exception {
    MmsSendRequest r =
        MmsSendRequest.builder()
            .transactionId("T")
            .recipient("+447700900123")
            .part("image/jpeg", "a.jpg", JPEG)
            .build();
    assertNull(r.text());
    assertEquals(2, r.parts().size(), "SMIL and the picture, no text part");
  }

  @Test
  void recipientsAreRequiredAndLimited() throws Exception {
    assertEquals(
        Problem.NO_RECIPIENTS, problem(MmsSendRequest.builder().transactionId("T").text("hi")));
    List<String> many = new ArrayList<>();
    for (int i = 0; i <= MmsSendRequest.DEFAULT_MAX_RECIPIENTS; i++)
      many.add("+4477009" + (10000 + i));
    assertEquals(Problem.TOO_MANY_RECIPIENTS, problem(base().recipients(many)));
    assertEquals(
        MmsSendRequest.DEFAULT_MAX_RECIPIENTS,
        base().recipients(many.subList(1, many.size())).build().recipients().size());
    List<String> four = Arrays.asList("+1 202 555 0101", "+12025550102", "+12025550103", "a@b.org");
    assertEquals(Problem.TOO_MANY_RECIPIENTS, problem(base().recipients(four).maxRecipients(3)));
    // The same number written two ways counts once.
    List<String> dup = Arrays.asList("+1 202 555 0101", "+1 (202) 555-0101", "+12025550102");
    assertEquals(
        Arrays.asList("+12025550101", "+12025550102"),
        base().recipients(dup).maxRecipients(2).build().recipients());
    assertThrows(IllegalArgumentException.class, () -> base().maxRecipients(0));
  }

  @Test
  void phoneNumbersAreNormalisedAndEmailAddressesTrimmed() throws Exception {
    MmsSendRequest r =
        base()
            .recipients(
                Arrays.asList(
                    " +44 7700 900123 ",
                    "(202) 555-0147",
                    "07700.900.456",
                    "611",
                    " Ana@Example.org "))
            .build();
    assertEquals(
        Arrays.asList("+447700900123", "2025550147", "07700900456", "611", "Ana@Example.org"),
        r.recipients());
  }

  @Test
  void aRecipientThatIsNeitherANumberNorAnAddressIsRefusedByPositionOnly() {
    String[] bad = {
      "",
      "   ",
      "hello",
      "12", // shorter than any short code
      "+44+7700900123",
      "44+7700900123",
      "123456789012345678901", // 21 digits
      "+44 7700 900123 ext 5",
      "ana@example", // no dot in the host
      "ana@@example.org",
      "ana@exa mple.org",
      "a/b@example.org", // Android's parser would cut the address at '/'
      "Ana <ana@example.org>", // a display name is not an addr-spec
      ".ana@example.org",
      "ana@-example.org",
      "ana@example..org",
    };
    for (String s : bad) {
      MmsException e =
          assertThrows(
              MmsException.class,
              () -> base().recipients(Arrays.asList("+447700900123", s)).build(),
              s);
      assertEquals(Problem.INVALID_RECIPIENT, e.problem(), s);
      assertTrue(e.getMessage().contains("recipient 1"), e.getMessage());
      if (!s.trim().isEmpty()) assertFalse(e.getMessage().contains(s.trim()), "no value in logs");
    }
    assertThrows(MmsException.class, () -> base().recipient(null).build());
  }

  @Test
  void theTransactionIdMustBeShortPrintableAscii() throws Exception {
    for (String id : new String[] {null, "", "has space", "é", "tab\t", repeat('x', 41)}) {
      assertEquals(Problem.INVALID_TRANSACTION_ID, problem(base().transactionId(id)), "" + id);
    }
    assertEquals(repeat('x', 40), base().transactionId(repeat('x', 40)).build().transactionId());
    assertEquals("T18c9a2b3", base().transactionId("T18c9a2b3").build().transactionId());
  }

  @Test
  void aSubjectWithNulIsRefusedAndAnEmptyOneIsNone() throws Exception {
    assertEquals(Problem.INVALID_SUBJECT, problem(base().subject("a\0b")));
    assertNull(base().subject("").build().subject());
    assertEquals("Été 🎉", base().subject("Été 🎉").build().subject());
  }

  @Test
  void badAttachmentsAreRefused() {
    Object[][] bad = {
      {null, JPEG},
      {"", JPEG},
      {"image", JPEG},
      {"image/", JPEG},
      {"image/jpeg; q=1", JPEG},
      {"image/jp eg", JPEG},
      {"application/smil", JPEG}, // the encoder writes the SMIL itself
      {"multipart/mixed", JPEG},
      {"application/vnd.wap.multipart.related", JPEG},
      {"image/jpeg", null},
      {"image/jpeg", new byte[0]},
    };
    for (Object[] c : bad) {
      MmsException e =
          assertThrows(
              MmsException.class, () -> base().part((String) c[0], "a.jpg", (byte[]) c[1]).build());
      assertEquals(Problem.INVALID_PART, e.problem(), Arrays.toString(c));
    }
  }

  @Test
  void mimeTypesAreLowerCased() throws Exception {
    MmsSendRequest r = base().part(" Image/JPEG ", "a.jpg", JPEG).build();
    assertEquals("image/jpeg", r.parts().get(1).mimeType());
  }

  @Test
  void theBuilderKeepsItsOwnCopyOfTheBytes() throws Exception {
    byte[] data = JPEG.clone();
    MmsSendRequest.Builder b = base().part("image/jpeg", "a.jpg", data);
    data[0] = 0;
    MmsPart p = b.build().parts().get(1);
    assertArrayEquals(JPEG, p.data());
    p.data()[0] = 0;
    assertArrayEquals(JPEG, p.data(), "data() hands out a copy");
  }

  @Test
  void partsGoSmilFirstThenAttachmentsInOrderThenTheText() throws Exception {
    MmsSendRequest r =
        base()
            .text("caption")
            .part("image/png", "b.png", new byte[] {1})
            .part("image/jpeg", "a.jpg", new byte[] {2})
            .build();
    List<String> names = new ArrayList<>();
    for (MmsPart p : r.parts()) names.add(p.name());
    assertEquals(Arrays.asList("smil.xml", "b.png", "a.jpg", "text.000002.txt"), names);
    MmsPart text = r.parts().get(3);
    assertEquals("text/plain", text.mimeType());
    assertEquals(106, text.charset());
    assertEquals("<text.000002>", text.contentId());
    assertEquals("caption", new String(text.data(), StandardCharsets.UTF_8));
    assertEquals(0, r.parts().get(1).charset());
    assertEquals("<smil>", r.parts().get(0).contentId());
  }

  @Test
  void partNamesAreCleanedShortenedAndMadeUnique() throws Exception {
    MmsSendRequest r =
        base()
            .part("image/jpeg", "photo.jpg", JPEG)
            .part("image/jpeg", "photo.jpg", JPEG)
            .part("image/png", "PHOTO.png", JPEG) // same Content-ID stem, in another case
            .part("image/jpeg", "my photo (1).jpg", JPEG)
            .part("image/jpeg", "../../etc/passwd", JPEG)
            .part("image/png", "日本.png", JPEG)
            .part("image/jpeg", null, JPEG)
            .part("video/mp4", "  ", JPEG)
            .part("application/pdf", ".hidden", JPEG)
            .part("image/jpeg", "smil.jpg", JPEG) // the SMIL part owns <smil>
            .part("text/plain", "text.000012.txt", JPEG) // the text part owns <text.000012>
            .part("image/jpeg", repeat('n', 60) + ".jpeg", JPEG)
            .build();
    List<String> names = new ArrayList<>();
    for (MmsPart p : r.parts()) names.add(p.name());
    assertEquals(
        Arrays.asList(
            "smil.xml",
            "photo.jpg",
            "photo-2.jpg",
            "PHOTO-3.png",
            "my_photo__1_.jpg",
            "passwd",
            "__.png",
            "image000006.jpg",
            "video000007.mp4",
            "hidden",
            "smil-2.jpg",
            "text.000012-2.txt",
            repeat('n', 35) + ".jpeg",
            "text.000012.txt"),
        names);
    // Content-IDs are unique too, whatever the case.
    List<String> ids = new ArrayList<>();
    for (MmsPart p : r.parts()) ids.add(p.contentId().toLowerCase(java.util.Locale.ROOT));
    assertEquals(ids.size(), new java.util.HashSet<>(ids).size(), ids.toString());
  }

  @Test
  void theSmilLaysOutPicturesAboveTheTextLikeAndroidsMessagingApp() throws Exception {
    assertEquals(
        "<smil><head><layout><root-layout/>"
            + "<region id=\"Text\" top=\"0\" left=\"0\" height=\"100%\" width=\"100%\"/>"
            + "</layout></head><body>"
            + "<par dur=\"5000ms\"><text src=\"text.000000.txt\" region=\"Text\" /></par>"
            + "</body></smil>",
        smil(base()));
    assertEquals(
        "<smil><head><layout><root-layout/>"
            + "<region id=\"Image\" fit=\"meet\" top=\"0\" left=\"0\" height=\"100%\" width=\"100%\"/>"
            + "</layout></head><body>"
            + "<par dur=\"5000ms\"><img src=\"a.gif\" region=\"Image\" /></par>"
            + "<par><video src=\"b.mp4\" region=\"Image\" /></par>"
            + "</body></smil>",
        smil(base().text(null).part("image/gif", "a.gif", JPEG).part("video/mp4", "b.mp4", JPEG)));
    assertEquals(
        "<smil><head><layout><root-layout/>"
            + "<region id=\"Text\" top=\"0\" left=\"0\" height=\"100%\" width=\"100%\"/>"
            + "</layout></head><body>"
            + "<par><audio src=\"a.amr\" /></par>"
            + "<par dur=\"5000ms\"><ref src=\"c.vcf\" /></par>"
            + "<par dur=\"5000ms\"><text src=\"text.000002.txt\" region=\"Text\" /></par>"
            + "</body></smil>",
        smil(base().part("audio/amr", "a.amr", JPEG).part("text/x-vcard", "c.vcf", JPEG)));
    assertEquals(
        "<smil><head><layout><root-layout/></layout></head><body>"
            + "<par dur=\"5000ms\"><ref src=\"d.pdf\" /></par>"
            + "</body></smil>",
        smil(base().text(null).part("application/pdf", "d.pdf", JPEG)));
  }

  @Test
  void optionalHeadersDefaultToAbsent() throws Exception {
    MmsSendRequest r = base().build();
    assertEquals(-1, r.date());
    assertEquals(-1, r.expirySeconds());
    assertNull(r.priority());
    assertFalse(r.deliveryReport());
    assertThrows(IllegalArgumentException.class, () -> base().date(-1));
    assertThrows(IllegalArgumentException.class, () -> base().expirySeconds(0));
    assertThrows(IllegalArgumentException.class, () -> MmsPduEncoder.encode(r, 0));
  }

  @Test
  void aMessageOverTheCarrierLimitIsTooLargeAndSaysByHowMuch() throws Exception {
    MmsSendRequest r = base().part("image/jpeg", "big.jpg", new byte[300 * 1024]).build();
    long size = MmsPduEncoder.encodedSize(r);
    assertTrue(size > 300 * 1024);
    MmsException e = assertThrows(MmsException.class, () -> MmsPduEncoder.encode(r, 300 * 1024));
    assertEquals(Problem.TOO_LARGE, e.problem());
    assertEquals(size, e.size());
    assertEquals(300 * 1024, e.limit());
    assertEquals(size, MmsPduEncoder.encode(r, size).length);
  }

  @Test
  void theRecipientListIsReadOnly() throws Exception {
    MmsSendRequest r = base().build();
    assertThrows(UnsupportedOperationException.class, () -> r.recipients().add("x"));
    assertThrows(UnsupportedOperationException.class, () -> r.parts().clear());
    assertEquals(Collections.singletonList("+447700900123"), r.recipients());
  }

  private static String smil(MmsSendRequest.Builder b) throws MmsException {
    return new String(b.build().parts().get(0).data(), StandardCharsets.UTF_8);
  }

  private static String repeat(char c, int n) {
    char[] a = new char[n];
    Arrays.fill(a, c);
    return new String(a);
  }
}
