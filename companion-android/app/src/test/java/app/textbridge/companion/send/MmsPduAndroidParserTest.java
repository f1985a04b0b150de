package app.textbridge.companion.send;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import android.app.Application;
import app.textbridge.core.mms.MmsException;
import app.textbridge.core.mms.MmsPart;
import app.textbridge.core.mms.MmsPduEncoder;
import app.textbridge.core.mms.MmsSendRequest;
import com.google.android.mms.pdu.EncodedStringValue;
import com.google.android.mms.pdu.GenericPdu;
import com.google.android.mms.pdu.PduBody;
import com.google.android.mms.pdu.PduComposer;
import com.google.android.mms.pdu.PduHeaders;
import com.google.android.mms.pdu.PduParser;
import com.google.android.mms.pdu.PduPart;
import com.google.android.mms.pdu.SendReq;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;

/**
 * The core's m-send-req bytes read by Android's own MMS code, the framework's hidden {@code
 * com.google.android.mms.pdu} package (telephony-common, frameworks/opt/telephony), which
 * Robolectric's android-all jar carries. Two independent checks: {@link PduParser}, what a phone
 * and the MMS service parse PDUs with, must read back every header and part; and {@link
 * PduComposer}, what Android itself sends, must write the very same bytes for the same message.
 */
@RunWith(RobolectricTestRunner.class)
public class MmsPduAndroidParserTest {
  static final byte[] TINY_JPEG = {
    (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDB, 0, 4, 0, 0, (byte) 0xFF, (byte) 0xD9
  };
  static final int SEEDS = 150;

  static MmsSendRequest group() throws MmsException {
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

  static SendReq parse(byte[] pdu) {
    GenericPdu g = new PduParser(pdu, true).parse();
    assertNotNull("PduParser refused the PDU", g);
    assertEquals(PduHeaders.MESSAGE_TYPE_SEND_REQ, g.getMessageType());
    return (SendReq) g;
  }

  @Test
  public void androidReadsOneRecipientAndText() throws Exception {
    MmsSendRequest r =
        MmsSendRequest.builder()
            .transactionId("T1")
            .recipient("+44 7700 900123")
            .text("Hi")
            .build();
    SendReq req = parse(MmsPduEncoder.encode(r, 300 * 1024));
    assertEquals("T1", new String(req.getTransactionId(), StandardCharsets.US_ASCII));
    assertEquals(PduHeaders.MMS_VERSION_1_2, req.getMmsVersion());
    assertEquals(PduHeaders.FROM_INSERT_ADDRESS_TOKEN_STR, req.getFrom().getString());
    assertEquals(1, req.getTo().length);
    // PduParser drops the "/TYPE=PLMN" suffix, as the MMS app expects.
    assertEquals("+447700900123", req.getTo()[0].getString());
    assertNull(req.getSubject());
    assertEquals(-1, req.getDate());
    assertEquals(PduHeaders.VALUE_NO, req.getDeliveryReport());
    assertEquals(PduHeaders.VALUE_NO, req.getReadReport());
    assertEquals(
        PduHeaders.MESSAGE_CLASS_PERSONAL_STR,
        new String(req.getMessageClass(), StandardCharsets.US_ASCII));
    assertEquals(
        "application/vnd.wap.multipart.related",
        new String(req.getContentType(), StandardCharsets.US_ASCII));
    PduBody body = req.getBody();
    assertEquals(2, body.getPartsNum());
    assertEquals("application/smil", type(body.getPart(0)));
    assertEquals("text/plain", type(body.getPart(1)));
    assertEquals(106, body.getPart(1).getCharset());
    assertEquals("Hi", new String(body.getPart(1).getData(), StandardCharsets.UTF_8));
  }

  @Test
  public void androidReadsAGroupWithSubjectTextAndAJpeg() throws Exception {
    long before = System.currentTimeMillis() / 1000;
    SendReq req = parse(MmsPduEncoder.encode(group(), 300 * 1024));
    assertEquals("T2", new String(req.getTransactionId(), StandardCharsets.US_ASCII));
    assertEquals(1_700_000_000L, req.getDate());
    List<String> to = new ArrayList<>();
    for (EncodedStringValue v : req.getTo()) to.add(v.getString());
    assertEquals(Arrays.asList("+447700900123", "+12025550147", "ana@example.org"), to);
    assertEquals("Été", req.getSubject().getString());
    assertEquals(PduHeaders.PRIORITY_NORMAL, req.getPriority());
    assertEquals(PduHeaders.VALUE_YES, req.getDeliveryReport());
    // A relative expiry is turned into an absolute time by the parser.
    long expiry = req.getExpiry();
    assertTrue(expiry >= before + 604800 && expiry <= System.currentTimeMillis() / 1000 + 604800);

    PduBody body = req.getBody();
    assertEquals(3, body.getPartsNum());
    PduPart smil = body.getPart(0);
    assertEquals("application/smil", type(smil));
    assertEquals("<smil>", ascii(smil.getContentId()));
    assertEquals("smil.xml", ascii(smil.getContentLocation()));
    String smilText = new String(smil.getData(), StandardCharsets.UTF_8);
    assertTrue(smilText, smilText.contains("<img src=\"photo.jpg\" region=\"Image\" />"));
    assertTrue(smilText, smilText.contains("<text src=\"text.000001.txt\" region=\"Text\" />"));

    PduPart jpeg = body.getPart(1);
    assertEquals("image/jpeg", type(jpeg));
    assertEquals("photo.jpg", ascii(jpeg.getName()));
    assertEquals("photo.jpg", ascii(jpeg.getContentLocation()));
    assertEquals("<photo>", ascii(jpeg.getContentId()));
    assertArrayEquals(TINY_JPEG, jpeg.getData());
    assertEquals(body.getPartByContentLocation("photo.jpg"), jpeg);

    PduPart text = body.getPart(2);
    assertEquals("text/plain", type(text));
    assertEquals(106, text.getCharset());
    assertEquals("See you there 👋", new String(text.getData(), StandardCharsets.UTF_8));
  }

  @Test
  public void androidsComposerWritesTheSameBytesForTheSameMessage() throws Exception {
    assertSameAsAndroid(group());
    assertSameAsAndroid(
        MmsSendRequest.builder().transactionId("T1").recipient("+447700900123").text("Hi").build());
    for (int seed = 1; seed <= SEEDS; seed++) {
      MmsSendRequest r = random(new Random(seed), false).build();
      try {
        assertSameAsAndroid(r);
      } catch (AssertionError e) {
        throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
      }
    }
  }

  @Test
  public void androidReadsRandomMessagesBackTheSame() throws Exception {
    for (int seed = 1; seed <= SEEDS; seed++) {
      Random rnd = new Random(seed);
      MmsSendRequest r = random(rnd, true).build();
      try {
        checkParsed(r, parse(MmsPduEncoder.encode(r, Long.MAX_VALUE)));
      } catch (AssertionError e) {
        throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
      }
    }
  }

  /** Part sizes on each side of the uintvar boundaries, up to a four-octet data length. */
  @Test
  public void androidReadsPartsAcrossTheUintvarBoundaries() throws Exception {
    Random rnd = new Random(7);
    for (int size : new int[] {127, 128, 16383, 16384, (1 << 21) - 1, 1 << 21}) {
      byte[] data = new byte[size];
      rnd.nextBytes(data);
      MmsSendRequest r =
          MmsSendRequest.builder()
              .transactionId("T" + size)
              .recipient("+447700900123")
              .part("image/png", "p.png", data)
              .build();
      SendReq req = parse(MmsPduEncoder.encode(r, Long.MAX_VALUE));
      assertEquals(2, req.getBody().getPartsNum());
      assertArrayEquals("size " + size, data, req.getBody().getPart(1).getData());
    }
  }

  /**
   * Where PduComposer's bytes are not the spec's, and ours are: (1) its uintvar writes 127 as 80 7F
   * and 16383 as 80 FF 7F (an off-by-one, {@code value < max}), where WSP's minimal form is 7F and
   * FF 7F; (2) a Date of 0 becomes a long-integer of length 0, which Multi-octet-integer (1*30
   * OCTET) does not allow; (3) its type table spells "text/x-vCard", and its look-up matches case,
   * so a lower-case vCard goes as a text-string, not as 0x07. PduParser reads both forms of each.
   */
  @Test
  public void whereAndroidsComposerDiffers() throws Exception {
    byte[] data = new byte[127];
    MmsSendRequest r =
        MmsSendRequest.builder()
            .transactionId("T")
            .date(0)
            .recipient("+447700900123")
            .part("image/png", "p.png", data)
            .part("text/x-vcard", "c.vcf", new byte[] {1})
            .build();
    byte[] ours = MmsPduEncoder.encode(r, Long.MAX_VALUE);
    byte[] android = new PduComposer(RuntimeEnvironment.getApplication(), androidSendReq(r)).make();
    String o = hex(ours).replace('\n', ' ');
    String a = hex(android).replace('\n', ' ');
    assertTrue(o, o.contains("85 01 00 89")); // Date: long-integer 0 in one octet, then From
    assertTrue(a, a.contains("85 00 89"));
    // Headers length 22, data length 127, then Content-Type image/png; name="p.png".
    assertTrue(o, o.contains("16 7F 08 A0 85 70 2E 70 6E 67 00"));
    assertTrue(a, a.contains("16 80 7F 08 A0 85 70 2E 70 6E 67 00"));
    assertTrue(o, o.contains(" 87 85 63 2E 76 63 66 00")); // text/x-vcard as 0x07
    assertTrue(a, a.contains("74 65 78 74 2F 78 2D 76 63 61 72 64 00 85 63 2E 76 63 66 00"));
    for (byte[] pdu : new byte[][] {ours, android}) {
      SendReq req = parse(pdu);
      assertEquals(0, req.getDate());
      assertArrayEquals(data, req.getBody().getPart(1).getData());
      assertEquals("text/x-vcard", type(req.getBody().getPart(2)).toLowerCase(Locale.ROOT));
    }
  }

  /** Every type the core shortens to a WSP number reads back as itself (Android's table). */
  @Test
  public void wellKnownContentTypeNumbersMatchAndroidsTable() throws Exception {
    String[] shortened = {
      "text/html",
      "text/plain",
      "text/x-vcalendar",
      "text/x-vcard",
      "image/gif",
      "image/jpeg",
      "image/tiff",
      "image/png",
      "image/vnd.wap.wbmp",
      "application/xml",
      "text/xml"
    };
    for (String mime : shortened) {
      MmsSendRequest r =
          MmsSendRequest.builder()
              .transactionId("T")
              .recipient("+447700900123")
              .part(mime, "x.bin", new byte[] {1, 2, 3})
              .build();
      byte[] pdu = MmsPduEncoder.encode(r, Long.MAX_VALUE);
      assertEquals(mime, type(parse(pdu).getBody().getPart(1)).toLowerCase(Locale.ROOT));
    }
  }

  private static void checkParsed(MmsSendRequest r, SendReq req) {
    assertEquals(r.transactionId(), ascii(req.getTransactionId()));
    assertEquals(PduHeaders.MMS_VERSION_1_2, req.getMmsVersion());
    assertEquals(r.date(), req.getDate());
    List<String> to = new ArrayList<>();
    for (EncodedStringValue v : req.getTo()) to.add(v.getString());
    assertEquals(r.recipients(), to);
    if (r.subject() == null) assertNull(req.getSubject());
    else assertEquals(r.subject(), req.getSubject().getString());
    int priority = r.priority() == null ? 0 : PduHeaders.PRIORITY_LOW + r.priority().ordinal();
    assertEquals(priority, req.getPriority());
    assertEquals(
        r.deliveryReport() ? PduHeaders.VALUE_YES : PduHeaders.VALUE_NO, req.getDeliveryReport());
    PduBody body = req.getBody();
    assertEquals(r.parts().size(), body.getPartsNum());
    for (int i = 0; i < r.parts().size(); i++) {
      MmsPart want = r.parts().get(i);
      PduPart got = body.getPart(i);
      assertEquals(want.mimeType(), type(got).toLowerCase(Locale.ROOT));
      assertEquals(want.name(), ascii(got.getName()));
      assertEquals(want.name(), ascii(got.getContentLocation()));
      assertEquals(want.contentId(), ascii(got.getContentId()));
      assertEquals(want.charset(), got.getCharset());
      assertArrayEquals(want.name(), want.data(), got.getData());
    }
    if (r.text() != null) {
      PduPart text = body.getPartByContentLocation(r.parts().get(r.parts().size() - 1).name());
      assertEquals(r.text(), new String(text.getData(), StandardCharsets.UTF_8));
    }
  }

  /** The same message through Android's SendReq and PduComposer, then byte comparison. */
  private static void assertSameAsAndroid(MmsSendRequest r) throws Exception {
    Application app = RuntimeEnvironment.getApplication();
    byte[] android = new PduComposer(app, androidSendReq(r)).make();
    assertNotNull("PduComposer refused the message", android);
    byte[] ours = MmsPduEncoder.encode(r, Long.MAX_VALUE);
    assertEquals(hex(android), hex(ours));
  }

  /** {@code r} as Android's own SendReq, the way its Messaging app fills one in. */
  private static SendReq androidSendReq(MmsSendRequest r) throws Exception {
    SendReq req = new SendReq();
    req.setTransactionId(r.transactionId().getBytes(StandardCharsets.US_ASCII));
    if (r.date() >= 0) req.setDate(r.date());
    for (String to : r.recipients()) req.addTo(new EncodedStringValue(to));
    if (r.subject() != null) req.setSubject(new EncodedStringValue(r.subject()));
    req.setMessageClass(PduHeaders.MESSAGE_CLASS_PERSONAL_STR.getBytes(StandardCharsets.US_ASCII));
    if (r.expirySeconds() > 0) req.setExpiry(r.expirySeconds());
    if (r.priority() != null) req.setPriority(PduHeaders.PRIORITY_LOW + r.priority().ordinal());
    req.setDeliveryReport(r.deliveryReport() ? PduHeaders.VALUE_YES : PduHeaders.VALUE_NO);
    req.setReadReport(PduHeaders.VALUE_NO);
    PduBody body = new PduBody();
    for (MmsPart p : r.parts()) {
      PduPart part = new PduPart();
      part.setContentType(p.mimeType().getBytes(StandardCharsets.US_ASCII));
      part.setName(p.name().getBytes(StandardCharsets.US_ASCII));
      part.setContentLocation(p.name().getBytes(StandardCharsets.US_ASCII));
      part.setContentId(p.contentId().getBytes(StandardCharsets.US_ASCII));
      if (p.charset() != 0) part.setCharset(p.charset());
      part.setData(p.data());
      body.addPart(part);
    }
    req.setBody(body);
    return req;
  }

  /**
   * A random message: up to 50 recipients (numbers as people write them, some e-mail), Unicode text
   * and subject with emoji, up to three attachments of sizes around the uintvar boundaries. For the
   * composer comparison ({@code anyInput} false) it avoids the three places where Android's
   * composer and the spec part ways (see {@link #whereAndroidsComposerDiffers}): no date of 0, no
   * length of 127 or 16383, and no vCard.
   */
  static MmsSendRequest.Builder random(Random rnd, boolean anyInput) {
    MmsSendRequest.Builder b = MmsSendRequest.builder();
    b.transactionId("T" + Long.toHexString(rnd.nextLong() & Long.MAX_VALUE));
    int n = 1 + (rnd.nextInt(4) == 0 ? rnd.nextInt(MmsSendRequest.DEFAULT_MAX_RECIPIENTS) : 2);
    Set<String> recipients = new LinkedHashSet<>();
    for (int i = 0; i < n; i++) {
      if (rnd.nextInt(5) == 0) {
        recipients.add("friend" + (char) ('a' + rnd.nextInt(26)) + "@example.org");
      } else {
        StringBuilder d = new StringBuilder(rnd.nextBoolean() ? "+" : "");
        for (int k = 3 + rnd.nextInt(12); k > 0; k--) d.append((char) ('0' + rnd.nextInt(10)));
        if (rnd.nextBoolean()) d.insert(d.length() / 2, ' ');
        recipients.add(d.toString());
      }
    }
    b.recipients(new ArrayList<>(recipients));
    String[] mimes = {
      "image/jpeg",
      "image/png",
      "image/gif",
      "video/mp4",
      "audio/amr",
      "application/pdf",
      "text/x-vcard"
    };
    int[] sizes =
        anyInput
            ? new int[] {1, 127, 128, 129, 16383, 16384, 16385, 3000}
            : new int[] {1, 126, 128, 129, 16382, 16384, 16385, 3000};
    int parts = rnd.nextInt(4);
    for (int i = 0; i < parts; i++) {
      String mime = mimes[rnd.nextInt(anyInput ? mimes.length : mimes.length - 1)];
      byte[] data = new byte[sizes[rnd.nextInt(sizes.length)]];
      rnd.nextBytes(data);
      b.part(mime, rnd.nextBoolean() ? null : "file " + rnd.nextInt(3) + ".bin", data);
    }
    if (parts == 0 || rnd.nextBoolean()) {
      String text = "x" + unicode(rnd, rnd.nextInt(400));
      while (!anyInput && text.getBytes(StandardCharsets.UTF_8).length == 127) text += "y";
      b.text(text);
    }
    if (rnd.nextBoolean()) b.subject(unicode(rnd, rnd.nextInt(30)));
    if (rnd.nextBoolean()) b.date((anyInput ? 0 : 1) + rnd.nextInt(Integer.MAX_VALUE));
    if (rnd.nextBoolean()) b.expirySeconds(1 + rnd.nextInt(1 << 24));
    if (rnd.nextBoolean()) b.priority(MmsSendRequest.Priority.values()[rnd.nextInt(3)]);
    b.deliveryReport(rnd.nextBoolean());
    return b;
  }

  static String unicode(Random rnd, int codePoints) {
    int[][] ranges = {
      {0x20, 0x7E},
      {0xA0, 0x17F},
      {0x4E00, 0x9FFF},
      {0x600, 0x6FF},
      {0x1F300, 0x1F64F},
      {0x200D, 0x200D}
    };
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < codePoints; i++) {
      int[] r = ranges[rnd.nextInt(ranges.length)];
      s.appendCodePoint(r[0] + rnd.nextInt(r[1] - r[0] + 1));
    }
    return s.toString();
  }

  private static String type(PduPart p) {
    return ascii(p.getContentType());
  }

  private static String ascii(byte[] b) {
    return b == null ? null : new String(b, StandardCharsets.US_ASCII);
  }

  private static String hex(byte[] b) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < b.length; i++) {
      s.append(String.format("%02X", b[i] & 0xFF)).append(i % 32 == 31 ? '\n' : ' ');
    }
    return s.toString();
  }
}
