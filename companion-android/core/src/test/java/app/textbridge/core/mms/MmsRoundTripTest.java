package app.textbridge.core.mms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Encoded PDUs read back through {@link SpecDecoder}, the strict reader written separately from the
 * grammar: first the hand-written vectors (so the reader itself is checked), then many random
 * messages (fixed seeds, so a failure can be replayed) with many recipients, every kind of Unicode
 * text, and parts whose sizes sit on the uintvar boundaries.
 */
class MmsRoundTripTest {
  static final int SEEDS = 300;

  @Test
  void theReaderReadsTheHandWrittenGroupVector() throws Exception {
    SpecDecoder.Pdu p = SpecDecoder.decode(HexVector.resource("group-text-jpeg.hex"));
    assertEquals(
        Arrays.asList(
            0x0C, 0x18, 0x0D, 0x05, 0x09, 0x17, 0x17, 0x17, 0x16, 0x0A, 0x08, 0x0F, 0x06, 0x10,
            0x04),
        p.headerOrder);
    assertEquals(0x80, p.messageType);
    assertEquals("T2", p.transactionId);
    assertEquals(1, p.versionMajor);
    assertEquals(2, p.versionMinor);
    assertEquals(1_700_000_000L, p.date);
    assertTrue(p.fromInsertAddressToken);
    assertEquals(
        Arrays.asList("+447700900123/TYPE=PLMN", "+12025550147/TYPE=PLMN", "ana@example.org"),
        p.to);
    assertEquals("Été", p.subject);
    assertTrue(p.expiryRelative);
    assertEquals(604800, p.expiry);
    assertEquals(0x81, p.priority);
    assertEquals(0x80, p.deliveryReport);
    assertEquals(0x81, p.readReport);
    assertEquals("application/vnd.wap.multipart.related", p.contentType);
    assertEquals("<smil>", p.contentTypeParams.get("start"));
    assertEquals("application/smil", p.contentTypeParams.get("type"));
    assertEquals(3, p.parts.size());
    assertEquals("image/jpeg", p.parts.get(1).contentType);
    assertArrayEquals(MmsPduVectorTest.TINY_JPEG, p.parts.get(1).data);
    assertEquals("106", p.parts.get(2).params.get("charset"));
    assertEquals("See you there 👋", new String(p.parts.get(2).data, StandardCharsets.UTF_8));
  }

  @Test
  void theReaderReadsTheHandWrittenOneRecipientVector() throws Exception {
    SpecDecoder.Pdu p = SpecDecoder.decode(HexVector.resource("one-recipient-text.hex"));
    assertEquals(Arrays.asList("+447700900123/TYPE=PLMN"), p.to);
    assertNull(p.subject);
    assertEquals(-1, p.priority);
    assertEquals(2, p.parts.size());
    assertEquals("Hi", new String(p.parts.get(1).data, StandardCharsets.UTF_8));
  }

  @Test
  void randomMessagesReadBackTheSame() throws Exception {
    for (int seed = 1; seed <= SEEDS; seed++) {
      Random rnd = new Random(seed);
      Generated g = Generated.random(rnd);
      try {
        check(g);
      } catch (Throwable t) {
        throw new AssertionError("seed " + seed + ": " + t.getMessage(), t);
      }
    }
  }

  /** Every uintvar length a part's data length can take here, 1 to 4 octets. */
  @Test
  void partSizesAcrossTheUintvarBoundariesReadBackTheSame() throws Exception {
    int[] sizes = {1, 127, 128, 129, 16383, 16384, 16385, (1 << 21) - 1, 1 << 21};
    Random rnd = new Random(42);
    for (int size : sizes) {
      byte[] data = new byte[size];
      rnd.nextBytes(data);
      Generated g = new Generated();
      g.builder.transactionId("T" + size).recipient("+447700900123").text(null);
      g.builder.part("application/octet-stream", "blob.bin", data);
      g.expectedRecipients.add("+447700900123");
      g.mimes.add("application/octet-stream");
      g.datas.add(data);
      check(g);
    }
  }

  private static void check(Generated g) throws Exception {
    MmsSendRequest r = g.builder.build();
    byte[] pdu = MmsPduEncoder.encode(r, Long.MAX_VALUE);
    assertEquals(MmsPduEncoder.encodedSize(r), pdu.length, "size");
    SpecDecoder.Pdu p = SpecDecoder.decode(pdu);

    // Headers: the three that must lead, in order; Content-Type last; the rest as documented.
    List<Integer> order = new ArrayList<>(Arrays.asList(0x0C, 0x18, 0x0D));
    if (g.date >= 0) order.add(0x05);
    order.add(0x09);
    for (int i = 0; i < g.expectedRecipients.size(); i++) order.add(0x17);
    if (g.subject != null && !g.subject.isEmpty()) order.add(0x16);
    order.add(0x0A);
    if (g.expiry > 0) order.add(0x08);
    if (g.priority != null) order.add(0x0F);
    order.addAll(Arrays.asList(0x06, 0x10, 0x04));
    assertEquals(order, p.headerOrder, "header order");

    assertEquals(0x80, p.messageType);
    assertEquals(r.transactionId(), p.transactionId);
    assertEquals(g.date, p.date);
    assertTrue(p.fromInsertAddressToken);
    List<String> wire = new ArrayList<>();
    for (String a : g.expectedRecipients) wire.add(a.contains("@") ? a : a + "/TYPE=PLMN");
    assertEquals(wire, p.to, "recipients");
    assertEquals(g.subject == null || g.subject.isEmpty() ? null : g.subject, p.subject);
    assertEquals(0x80, p.messageClass);
    assertEquals(g.expiry, p.expiry);
    assertEquals(g.priority == null ? -1 : 0x80 + g.priority.ordinal(), p.priority);
    assertEquals(g.deliveryReport ? 0x80 : 0x81, p.deliveryReport);
    assertEquals(0x81, p.readReport);
    assertEquals("application/vnd.wap.multipart.related", p.contentType);
    assertEquals("<smil>", p.contentTypeParams.get("start"));
    assertEquals("application/smil", p.contentTypeParams.get("type"));

    boolean hasText = g.text != null && !g.text.trim().isEmpty();
    assertEquals(1 + g.datas.size() + (hasText ? 1 : 0), p.parts.size(), "parts");
    SpecDecoder.Part smil = p.parts.get(0);
    assertEquals("application/smil", smil.contentType);
    assertEquals("<smil>", smil.contentId);
    assertEquals("smil.xml", smil.contentLocation);

    Set<String> locations = new HashSet<>();
    Set<String> ids = new HashSet<>();
    List<String> srcs = smilSources(smil.data);
    for (int i = 1; i < p.parts.size(); i++) {
      SpecDecoder.Part part = p.parts.get(i);
      assertTrue(part.contentLocation.matches("[A-Za-z0-9._-]{1,40}"), part.contentLocation);
      assertTrue(locations.add(part.contentLocation), "unique location");
      assertTrue(ids.add(part.contentId.toLowerCase(Locale.ROOT)), "unique Content-ID");
      assertEquals(part.contentLocation, part.params.get("name"));
      String loc = part.contentLocation;
      int dot = loc.lastIndexOf('.');
      assertEquals("<" + (dot > 0 ? loc.substring(0, dot) : loc) + ">", part.contentId);
      assertEquals(loc, srcs.get(i - 1), "the SMIL points at the parts in order");
    }
    assertEquals(p.parts.size() - 1, srcs.size(), "the SMIL names every part once");
    for (int i = 0; i < g.datas.size(); i++) {
      SpecDecoder.Part part = p.parts.get(1 + i);
      assertEquals(g.mimes.get(i), part.contentType);
      assertArrayEquals(g.datas.get(i), part.data);
      assertNull(part.params.get("charset"));
    }
    if (hasText) {
      SpecDecoder.Part text = p.parts.get(p.parts.size() - 1);
      assertEquals("text/plain", text.contentType);
      assertEquals("106", text.params.get("charset"));
      assertEquals(g.text, new String(text.data, StandardCharsets.UTF_8));
    }
  }

  /** The src of every media element in the SMIL body, in document order (parsed as XML). */
  static List<String> smilSources(byte[] smil) throws Exception {
    Element root =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(smil))
            .getDocumentElement();
    assertEquals("smil", root.getTagName());
    List<String> out = new ArrayList<>();
    NodeList all = root.getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (e.hasAttribute("src")) out.add(e.getAttribute("src"));
    }
    return out;
  }

  /** A random message and what it should read back as, worked out from how it was made. */
  static final class Generated {
    final MmsSendRequest.Builder builder = MmsSendRequest.builder();
    final List<String> expectedRecipients = new ArrayList<>();
    final List<String> mimes = new ArrayList<>();
    final List<byte[]> datas = new ArrayList<>();
    String text;
    String subject;
    long date = -1;
    long expiry = -1;
    MmsSendRequest.Priority priority;
    boolean deliveryReport;

    static final String[] MIMES = {
      "image/jpeg",
      "image/png",
      "image/gif",
      "video/mp4",
      "video/3gpp",
      "audio/amr",
      "text/x-vcard",
      "application/pdf",
      "image/webp",
      "text/plain",
      "image/tiff"
    };
    static final String[] NAMES = {
      null,
      "",
      "IMG_0001.JPG",
      "photo.jpg",
      "photo.jpg",
      "my photo (1).jpg",
      "../../x/passwd",
      "日本語.png",
      "smil.xml",
      "a",
      ".x",
      "verylongname-verylongname-verylongname-verylong.jpeg"
    };
    static final int[] SIZES = {1, 2, 127, 128, 129, 1000, 16383, 16384, 16385, 40000};

    static Generated random(Random rnd) {
      Generated g = new Generated();
      g.builder.transactionId("T" + Long.toHexString(rnd.nextLong() & Long.MAX_VALUE));
      int n = 1 + (rnd.nextInt(4) == 0 ? rnd.nextInt(MmsSendRequest.DEFAULT_MAX_RECIPIENTS) : 3);
      Set<String> canonical = new LinkedHashSet<>();
      List<String> typed = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String c;
        String t;
        if (rnd.nextInt(5) == 0) {
          c = "user" + rnd.nextInt(1000) + "@example" + rnd.nextInt(5) + ".org";
          t = rnd.nextBoolean() ? c : "  " + c + " ";
        } else {
          StringBuilder d = new StringBuilder(rnd.nextBoolean() ? "+" : "");
          int digits = 3 + rnd.nextInt(13);
          for (int k = 0; k < digits; k++) d.append((char) ('0' + rnd.nextInt(10)));
          c = d.toString();
          t = decorate(c, rnd);
        }
        canonical.add(c);
        typed.add(t);
      }
      g.expectedRecipients.addAll(canonical);
      g.builder.recipients(typed);

      int parts = rnd.nextInt(4);
      for (int i = 0; i < parts; i++) {
        String mime = MIMES[rnd.nextInt(MIMES.length)];
        byte[] data = new byte[SIZES[rnd.nextInt(SIZES.length)]];
        rnd.nextBytes(data);
        String shown = rnd.nextBoolean() ? mime : mime.toUpperCase(Locale.ROOT);
        g.builder.part(shown, NAMES[rnd.nextInt(NAMES.length)], data);
        g.mimes.add(mime);
        g.datas.add(data);
      }
      if (parts == 0 || rnd.nextInt(3) > 0) {
        g.text = unicode(rnd, rnd.nextInt(10) == 0 ? 9000 : 1 + rnd.nextInt(300));
        if (g.text.trim().isEmpty()) g.text = "x" + g.text;
        g.builder.text(g.text);
      }
      if (rnd.nextBoolean()) {
        g.subject = unicode(rnd, rnd.nextInt(30));
        g.builder.subject(g.subject);
      }
      if (rnd.nextBoolean()) {
        g.date = rnd.nextInt(5) == 0 ? rnd.nextInt(256) : 1_600_000_000L + rnd.nextInt(1 << 30);
        g.builder.date(g.date);
      }
      if (rnd.nextBoolean()) {
        g.expiry = 1 + (rnd.nextBoolean() ? rnd.nextInt(255) : rnd.nextInt(1 << 30));
        g.builder.expirySeconds(g.expiry);
      }
      if (rnd.nextBoolean()) {
        g.priority = MmsSendRequest.Priority.values()[rnd.nextInt(3)];
        g.builder.priority(g.priority);
      }
      g.deliveryReport = rnd.nextBoolean();
      g.builder.deliveryReport(g.deliveryReport);
      return g;
    }

    /** A number as people write it: spaces, dashes, dots, parentheses. */
    private static String decorate(String c, Random rnd) {
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < c.length(); i++) {
        s.append(c.charAt(i));
        if (i > 0 && rnd.nextInt(4) == 0) s.append(" -.".charAt(rnd.nextInt(3)));
      }
      if (rnd.nextInt(4) == 0) s.insert(c.startsWith("+") ? 1 : 0, '(').append(')');
      return rnd.nextBoolean() ? " " + s + " " : s.toString();
    }

    /** Code points from ASCII, Latin, Greek, CJK, Arabic, combining marks, emoji and ZWJ. */
    static String unicode(Random rnd, int codePoints) {
      int[][] ranges = {
        {0x20, 0x7E}, {0xA0, 0x17F}, {0x391, 0x3C9}, {0x4E00, 0x9FFF}, {0x600, 0x6FF},
        {0x300, 0x36F}, {0x1F300, 0x1F64F}, {0x1F900, 0x1F9FF}, {0x200D, 0x200D}, {0xFE0F, 0xFE0F}
      };
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < codePoints; i++) {
        int[] r = ranges[rnd.nextInt(ranges.length)];
        s.appendCodePoint(r[0] + rnd.nextInt(r[1] - r[0] + 1));
      }
      return s.toString();
    }
  }
}
