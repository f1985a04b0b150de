package app.textbridge.core.mms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The WSP primitives, each against octets worked out by hand from WAP-230-WSP §8.1.2 and §8.4.2.
 */
class WspWriterTest {
  private static void assertBytes(String expectedHex, Consumer<WspWriter> write) {
    WspWriter w = new WspWriter();
    write.accept(w);
    assertEquals(expectedHex, HexVector.hex(w.toByteArray()));
  }

  @Test
  void uintvarSplitsSevenBitsAnOctetWithTheContinueBitOnAllButTheLast() {
    assertBytes("00", w -> w.uintvar(0));
    assertBytes("01", w -> w.uintvar(1));
    assertBytes("7F", w -> w.uintvar(127)); // largest single octet
    assertBytes("81 00", w -> w.uintvar(128)); // 1*128 + 0
    assertBytes("81 49", w -> w.uintvar(201)); // the SMIL length in one-recipient-text.hex
    assertBytes("FF 7F", w -> w.uintvar(16383)); // 127*128 + 127, largest in two octets
    assertBytes("81 80 00", w -> w.uintvar(16384)); // 2^14
    assertBytes("FF FF 7F", w -> w.uintvar((1 << 21) - 1));
    assertBytes("81 80 80 00", w -> w.uintvar(1 << 21));
    assertBytes("FF FF FF 7F", w -> w.uintvar((1 << 28) - 1));
    assertBytes("81 80 80 80 00", w -> w.uintvar(1L << 28)); // 2^28 needs a fifth octet
    assertBytes("8F FF FF FF 7F", w -> w.uintvar(0xFFFFFFFFL)); // 32 bits, the most a uintvar holds
  }

  @Test
  void uintvarLengthMatchesWhatIsWritten() {
    long[] values = {0, 127, 128, 16383, 16384, (1 << 21) - 1, 1 << 21, (1L << 28) - 1, 1L << 28};
    int[] lengths = {1, 1, 2, 2, 3, 3, 4, 4, 5};
    for (int i = 0; i < values.length; i++) {
      assertEquals(lengths[i], WspWriter.uintvarLength(values[i]), "uintvar " + values[i]);
      WspWriter w = new WspWriter();
      w.uintvar(values[i]);
      assertEquals(lengths[i], w.size());
    }
  }

  @Test
  void uintvarRefusesWhatDoesNotFitThirtyTwoBits() {
    assertThrows(IllegalArgumentException.class, () -> new WspWriter().uintvar(-1));
    assertThrows(IllegalArgumentException.class, () -> new WspWriter().uintvar(1L << 32));
  }

  @Test
  void valueLengthIsAShortLengthUpToThirtyThenLengthQuoteAndAUintvar() {
    assertBytes("00", w -> w.valueLength(0));
    assertBytes("1E", w -> w.valueLength(30)); // largest Short-length
    assertBytes("1F 1F", w -> w.valueLength(31)); // Length-quote, then uintvar 31
    assertBytes("1F 7F", w -> w.valueLength(127));
    assertBytes("1F 81 00", w -> w.valueLength(128));
    assertBytes("1F 81 80 00", w -> w.valueLength(16384));
    assertEquals(1, WspWriter.valueLengthLength(30));
    assertEquals(2, WspWriter.valueLengthLength(31));
    assertEquals(3, WspWriter.valueLengthLength(128));
  }

  @Test
  void shortIntegerSetsTheTopBit() {
    assertBytes("80", w -> w.shortInteger(0));
    assertBytes("92", w -> w.shortInteger(0x12)); // MMS version 1.2
    assertBytes("EA", w -> w.shortInteger(106)); // UTF-8
    assertBytes("FF", w -> w.shortInteger(127));
    assertThrows(IllegalArgumentException.class, () -> new WspWriter().shortInteger(128));
    assertThrows(IllegalArgumentException.class, () -> new WspWriter().shortInteger(-1));
  }

  @Test
  void longIntegerIsAShortLengthThenTheFewestBigEndianOctets() {
    assertBytes("01 00", w -> w.longInteger(0)); // one octet even for zero
    assertBytes("01 7F", w -> w.longInteger(127));
    assertBytes("01 FF", w -> w.longInteger(255));
    assertBytes("02 01 00", w -> w.longInteger(256));
    assertBytes("03 09 3A 80", w -> w.longInteger(604800)); // 7 days
    assertBytes("04 65 53 F1 00", w -> w.longInteger(1700000000L));
    assertBytes("05 01 00 00 00 00", w -> w.longInteger(1L << 32));
    assertBytes("08 7F FF FF FF FF FF FF FF", w -> w.longInteger(Long.MAX_VALUE));
    assertThrows(IllegalArgumentException.class, () -> new WspWriter().longInteger(-1));
  }

  @Test
  void textStringEndsInNulAndIsQuotedWhenItsFirstOctetIsOneHundredTwentyEightOrMore() {
    assertBytes("00", w -> w.textString(new byte[0]));
    assertBytes("61 62 63 00", w -> w.textString(ascii("abc")));
    assertBytes("7F 00", w -> w.textString(ascii("\u007F"))); // 0x7F itself is not quoted
    // "é" is C3 A9 in UTF-8: the first octet is >= 0x80, so a Quote (0x7F) goes before it.
    assertBytes("7F C3 A9 00", w -> w.textString(utf8("é")));
    assertBytes("61 C3 A9 00", w -> w.textString(utf8("aé"))); // only the first octet counts
    assertBytes("7F 80 00", w -> w.textString(new byte[] {(byte) 0x80}));
    assertEquals(4, WspWriter.textStringLength(utf8("é")));
    assertEquals(4, WspWriter.textStringLength(ascii("abc")));
    assertThrows(
        IllegalArgumentException.class, () -> new WspWriter().textString(new byte[] {'a', 0}));
  }

  @Test
  void quotedStringStartsWithADoubleQuoteAndHasNoClosingOne() {
    assertBytes("22 3C 73 6D 69 6C 3E 00", w -> w.quotedString(ascii("<smil>")));
    assertBytes("22 00", w -> w.quotedString(new byte[0]));
  }

  @Test
  void octetsOutsideAByteAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new WspWriter().octet(256));
    assertThrows(IllegalArgumentException.class, () -> new WspWriter().octet(-1));
  }

  @Test
  void theBufferGrowsPastItsFirstCapacity() {
    WspWriter w = new WspWriter(1);
    byte[] big = new byte[100_000];
    big[99_999] = 7;
    w.bytes(big).octet(1);
    assertEquals(100_001, w.size());
    assertEquals(7, w.toByteArray()[99_999]);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
