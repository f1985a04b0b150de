package app.textbridge.core.mms;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict m-send-req reader written from the grammar of OMA-TS-MMS_ENC-V1_3 §7 and WAP-230-WSP §8,
 * sharing no code or constant with the encoder (its numbers are spelled out again here). It is
 * stricter than a phone needs to be: it refuses non-minimal uintvars and long-integers, a
 * value-length that does not match what follows, an unknown header, and trailing bytes. The core's
 * round-trip tests run through it; the app's tests also run the same PDUs through Android's own
 * PduParser.
 */
final class SpecDecoder {
  /** What was read, in the order it was on the wire. */
  static final class Pdu {
    final List<Integer> headerOrder = new ArrayList<>();
    int messageType = -1;
    String transactionId;
    int versionMajor = -1;
    int versionMinor = -1;
    long date = -1;
    boolean fromInsertAddressToken;
    final List<String> to = new ArrayList<>();
    final List<Integer> toCharsets = new ArrayList<>();
    String subject;
    int messageClass = -1;
    boolean expiryRelative;
    long expiry = -1;
    int priority = -1;
    int deliveryReport = -1;
    int readReport = -1;
    String contentType;
    final Map<String, String> contentTypeParams = new LinkedHashMap<>();
    final List<Part> parts = new ArrayList<>();
  }

  static final class Part {
    String contentType;
    final Map<String, String> params = new LinkedHashMap<>();
    String contentId;
    String contentLocation;
    byte[] data;
  }

  /** WSP Table 40 entries this reader knows, by assigned number (from the OMNA list). */
  private static final Map<Integer, String> WELL_KNOWN = new LinkedHashMap<>();

  static {
    WELL_KNOWN.put(0x02, "text/html");
    WELL_KNOWN.put(0x03, "text/plain");
    WELL_KNOWN.put(0x06, "text/x-vcalendar");
    WELL_KNOWN.put(0x07, "text/x-vcard");
    WELL_KNOWN.put(0x1D, "image/gif");
    WELL_KNOWN.put(0x1E, "image/jpeg");
    WELL_KNOWN.put(0x1F, "image/tiff");
    WELL_KNOWN.put(0x20, "image/png");
    WELL_KNOWN.put(0x21, "image/vnd.wap.wbmp");
    WELL_KNOWN.put(0x27, "application/xml");
    WELL_KNOWN.put(0x28, "text/xml");
    WELL_KNOWN.put(0x33, "application/vnd.wap.multipart.related");
  }

  private final byte[] b;
  private int pos;

  private SpecDecoder(byte[] b) {
    this.b = b;
  }

  static Pdu decode(byte[] pdu) {
    return new SpecDecoder(pdu).pdu();
  }

  private Pdu pdu() {
    Pdu p = new Pdu();
    while (true) {
      int field = u8();
      if (field < 0x80) throw fail("header field name " + field + " is not a well-known one");
      p.headerOrder.add(field & 0x7F);
      switch (field & 0x7F) {
        case 0x0C: // X-Mms-Message-Type
          p.messageType = u8();
          break;
        case 0x18: // X-Mms-Transaction-Id: Text-string
          p.transactionId = ascii(textString());
          break;
        case 0x0D: // X-Mms-MMS-Version: Short-integer, major in bits 4-6, minor in bits 0-3
          int v = shortInteger();
          p.versionMajor = v >> 4;
          p.versionMinor = v & 0x0F;
          break;
        case 0x05: // Date: Long-integer
          p.date = longInteger();
          break;
        case 0x09: // From: Value-length (Address-present-token Encoded-string | Insert-token)
          {
            int end = valueLengthEnd();
            int token = u8();
            if (token != 0x81 || pos != end) throw fail("From is not the insert-address-token");
            p.fromInsertAddressToken = true;
            break;
          }
        case 0x17: // To: Encoded-string-value
          {
            int[] charset = new int[1];
            p.to.add(encodedString(charset));
            p.toCharsets.add(charset[0]);
            break;
          }
        case 0x16: // Subject: Encoded-string-value
          p.subject = encodedString(new int[1]);
          break;
        case 0x0A: // X-Mms-Message-Class: Class-identifier
          p.messageClass = u8();
          break;
        case 0x08: // X-Mms-Expiry: Value-length (Absolute-token Date | Relative-token Delta-secs)
          {
            int end = valueLengthEnd();
            int token = u8();
            if (token != 0x80 && token != 0x81) throw fail("expiry token " + token);
            p.expiryRelative = token == 0x81;
            p.expiry = longInteger();
            if (pos != end) throw fail("expiry length");
            break;
          }
        case 0x0F: // X-Mms-Priority
          p.priority = u8();
          break;
        case 0x06: // X-Mms-Delivery-Report
          p.deliveryReport = u8();
          break;
        case 0x10: // X-Mms-Read-Report
          p.readReport = u8();
          break;
        case 0x04: // Content-Type: the last header; the body follows
          p.contentType = contentType(p.contentTypeParams);
          body(p);
          if (pos != b.length) throw fail((b.length - pos) + " bytes after the last part");
          return p;
        default:
          throw fail("unexpected header 0x" + Integer.toHexString(field));
      }
    }
  }

  /** WSP §8.5: nEntries, then per entry HeadersLen, DataLen, ContentType + Headers, Data. */
  private void body(Pdu p) {
    long n = uintvar();
    for (long i = 0; i < n; i++) {
      int headersLen = (int) uintvar();
      int dataLen = (int) uintvar();
      int headersEnd = pos + headersLen;
      Part part = new Part();
      part.contentType = contentType(part.params);
      while (pos < headersEnd) {
        int field = u8();
        if (field == 0xC0) { // Content-ID (0x40): Quoted-string
          if (u8() != 0x22) throw fail("Content-ID is not a quoted-string");
          part.contentId = ascii(untilNul());
        } else if (field == 0x8E) { // Content-Location (0x0E): Text-string
          part.contentLocation = ascii(textString());
        } else {
          throw fail("part header 0x" + Integer.toHexString(field));
        }
      }
      if (pos != headersEnd) throw fail("part headers overrun their length");
      need(dataLen);
      part.data = Arrays.copyOfRange(b, pos, pos + dataLen);
      pos += dataLen;
      p.parts.add(part);
    }
  }

  /** Content-type-value = Constrained-media | Content-general-form (Value-length Media-type). */
  private String contentType(Map<String, String> params) {
    int first = peek();
    if (first >= 0x80) return wellKnown(u8() & 0x7F);
    if (first >= 0x20) return ascii(textString());
    int end = valueLengthEnd();
    String media = peek() >= 0x80 ? wellKnown(u8() & 0x7F) : ascii(textString());
    while (pos < end) {
      int name = u8();
      switch (name) {
        case 0x81: // Charset: Well-known-charset (Short-integer here)
          params.put("charset", Integer.toString(shortInteger()));
          break;
        case 0x85: // Name: Text-string
          params.put("name", ascii(textString()));
          break;
        case 0x89: // Type (multipart/related): Constrained-encoding
          params.put("type", peek() >= 0x80 ? wellKnown(u8() & 0x7F) : ascii(textString()));
          break;
        case 0x8A: // Start (multipart/related): Text-string
          params.put("start", ascii(textString()));
          break;
        default:
          throw fail("content-type parameter 0x" + Integer.toHexString(name));
      }
    }
    if (pos != end) throw fail("content-type overruns its value-length");
    return media;
  }

  private String wellKnown(int code) {
    String t = WELL_KNOWN.get(code);
    if (t == null) throw fail("content type code 0x" + Integer.toHexString(code));
    return t;
  }

  /** Encoded-string-value = Text-string | Value-length Char-set Text-string. */
  private String encodedString(int[] charsetOut) {
    if (peek() >= 0x20) {
      charsetOut[0] = 0;
      return ascii(textString());
    }
    int end = valueLengthEnd();
    int charset = shortInteger();
    if (charset != 106) throw fail("charset " + charset + " (only UTF-8 expected)");
    charsetOut[0] = charset;
    String s = new String(textString(), StandardCharsets.UTF_8);
    if (pos != end) throw fail("encoded-string overruns its value-length");
    return s;
  }

  /** Text-string = [Quote] *TEXT End-of-string; the Quote must be there exactly when needed. */
  private byte[] textString() {
    boolean quoted = peek() == 0x7F && pos + 1 < b.length && (b[pos + 1] & 0xFF) >= 0x80;
    if (quoted) pos++;
    byte[] t = untilNul();
    if (!quoted && t.length > 0 && (t[0] & 0xFF) >= 0x80) throw fail("missing Quote");
    return t;
  }

  private byte[] untilNul() {
    int start = pos;
    while (true) {
      need(1);
      if (b[pos] == 0) break;
      pos++;
    }
    byte[] t = Arrays.copyOfRange(b, start, pos);
    pos++; // the NUL
    return t;
  }

  private int shortInteger() {
    int v = u8();
    if (v < 0x80) throw fail("not a short-integer: " + v);
    return v & 0x7F;
  }

  /** Long-integer = Short-length Multi-octet-integer, as few octets as the value needs. */
  private long longInteger() {
    int n = u8();
    if (n < 1 || n > 8) throw fail("long-integer length " + n);
    need(n);
    if (n > 1 && b[pos] == 0) throw fail("long-integer not minimal");
    long v = 0;
    for (int i = 0; i < n; i++) v = (v << 8) | (b[pos++] & 0xFF);
    return v;
  }

  /** Value-length = Short-length | Length-quote Length; returns where the value ends. */
  private int valueLengthEnd() {
    int first = u8();
    long len;
    if (first <= 30) {
      len = first;
    } else if (first == 31) {
      len = uintvar();
      if (len <= 30) throw fail("Length-quote used for a short length");
    } else {
      throw fail("not a value-length: " + first);
    }
    need((int) len);
    return pos + (int) len;
  }

  private long uintvar() {
    long v = 0;
    for (int i = 0; i < 5; i++) {
      int o = u8();
      if (i == 0 && o == 0x80) throw fail("uintvar with a leading zero group");
      v = (v << 7) | (o & 0x7F);
      if ((o & 0x80) == 0) {
        if (v > 0xFFFFFFFFL) throw fail("uintvar over 32 bits");
        return v;
      }
    }
    throw fail("uintvar longer than five octets");
  }

  private int peek() {
    need(1);
    return b[pos] & 0xFF;
  }

  private int u8() {
    need(1);
    return b[pos++] & 0xFF;
  }

  private void need(int n) {
    if (n < 0 || pos + n > b.length) throw fail("truncated");
  }

  private IllegalStateException fail(String why) {
    return new IllegalStateException(why + " at offset " + pos);
  }

  private static String ascii(byte[] t) {
    for (byte x : t) if (x < 0x20) throw new IllegalStateException("control octet in text");
    return new String(t, StandardCharsets.US_ASCII);
  }
}
