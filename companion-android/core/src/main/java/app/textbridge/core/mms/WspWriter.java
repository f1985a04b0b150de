package app.textbridge.core.mms;

import java.util.Arrays;

/**
 * The handful of WAP-230-WSP binary encodings an MMS PDU is made of (§8.4.2 of WSP: uintvar,
 * value-length, short- and long-integer, text-string, quoted-string). MMS headers are WSP headers,
 * so every header and every body part of an m-send-req is written through these few rules; keeping
 * them in one place, each checked against the grammar, is what lets the PDU be tested byte by byte.
 *
 * <p>A growable byte buffer: callers append, then take {@link #toByteArray()}. Values outside what
 * the grammar can carry throw {@link IllegalArgumentException}: they are programming errors, never
 * user input (user input is checked earlier, by {@link MmsSendRequest.Builder#build()}).
 */
final class WspWriter {
  /** Short-length is 0–30; 31 is Length-quote, followed by a uintvar length. */
  static final int LENGTH_QUOTE = 0x1F;

  /** Text-string's Quote, put before a text whose first octet is 128 or more. */
  static final int QUOTE = 0x7F;

  /** Quoted-string starts with the octet of '"' and has no closing quote. */
  static final int QUOTED_STRING_START = 0x22;

  /** A uintvar carries at most 32 bits (WSP §8.1.2), in at most five octets. */
  static final long UINTVAR_MAX = 0xFFFFFFFFL;

  private byte[] buf;
  private int size;

  WspWriter() {
    this(64);
  }

  WspWriter(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  int size() {
    return size;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  /** One raw octet, 0–255. */
  WspWriter octet(int value) {
    if (value < 0 || value > 0xFF) throw new IllegalArgumentException("octet " + value);
    ensure(1);
    buf[size++] = (byte) value;
    return this;
  }

  WspWriter bytes(byte[] data) {
    return bytes(data, 0, data.length);
  }

  WspWriter bytes(byte[] data, int offset, int length) {
    ensure(length);
    System.arraycopy(data, offset, buf, size, length);
    size += length;
    return this;
  }

  /** Short-integer: 0–127 as one octet with the top bit set. */
  WspWriter shortInteger(int value) {
    if (value < 0 || value > 0x7F) throw new IllegalArgumentException("short-integer " + value);
    return octet(0x80 | value);
  }

  /** Uintvar-integer: 7 bits an octet, most significant first, continue bit on all but the last. */
  WspWriter uintvar(long value) {
    int n = uintvarLength(value);
    for (int i = n - 1; i > 0; i--) octet(0x80 | (int) ((value >>> (7 * i)) & 0x7F));
    return octet((int) (value & 0x7F));
  }

  /** Value-length: a Short-length (0–30) or Length-quote then a uintvar. */
  WspWriter valueLength(long length) {
    if (length < 0) throw new IllegalArgumentException("value-length " + length);
    if (length <= 30) return octet((int) length);
    return octet(LENGTH_QUOTE).uintvar(length);
  }

  /**
   * Long-integer: Short-length then that many octets, big-endian, as few as the value needs (one
   * octet, 0x00, for zero).
   */
  WspWriter longInteger(long value) {
    if (value < 0) throw new IllegalArgumentException("long-integer " + value);
    int n = longIntegerOctets(value);
    octet(n);
    for (int i = n - 1; i >= 0; i--) octet((int) ((value >>> (8 * i)) & 0xFF));
    return this;
  }

  /**
   * Text-string: [Quote] *TEXT End-of-string. The Quote goes before a first octet of 128 or more,
   * so the reader cannot take the text for a short-integer. The text may not contain 0x00.
   */
  WspWriter textString(byte[] text) {
    checkNoNul(text);
    if (text.length > 0 && (text[0] & 0xFF) >= 0x80) octet(QUOTE);
    return bytes(text).octet(0);
  }

  /** Quoted-string: '"' *TEXT End-of-string (RFC 2616 quoted-string without its quote marks). */
  WspWriter quotedString(byte[] text) {
    checkNoNul(text);
    return octet(QUOTED_STRING_START).bytes(text).octet(0);
  }

  /** Octets a uintvar of {@code value} takes: 1 below 2^7, 2 below 2^14, … 5 up to 2^32 - 1. */
  static int uintvarLength(long value) {
    if (value < 0 || value > UINTVAR_MAX) throw new IllegalArgumentException("uintvar " + value);
    int n = 1;
    while (value >= 0x80) {
      value >>>= 7;
      n++;
    }
    return n;
  }

  /** Octets the Value-length for {@code length} takes: 1, or 1 + the uintvar. */
  static int valueLengthLength(long length) {
    return length <= 30 ? 1 : 1 + uintvarLength(length);
  }

  /** Octets of the Multi-octet-integer of a Long-integer (not counting its Short-length). */
  static int longIntegerOctets(long value) {
    int n = 1;
    while (n < 8 && (value >>> (8 * n)) != 0) n++;
    return n;
  }

  /** Octets {@link #textString} writes for {@code text}. */
  static int textStringLength(byte[] text) {
    return (text.length > 0 && (text[0] & 0xFF) >= 0x80 ? 1 : 0) + text.length + 1;
  }

  private static void checkNoNul(byte[] text) {
    for (byte b : text) if (b == 0) throw new IllegalArgumentException("NUL inside a WSP string");
  }

  private void ensure(int more) {
    if (more < 0 || size + more < 0) throw new IllegalArgumentException("too large");
    if (size + more > buf.length) {
      int cap = Math.max(size + more, buf.length * 2);
      if (cap < 0) cap = Integer.MAX_VALUE - 8;
      buf = Arrays.copyOf(buf, cap);
    }
  }
}
