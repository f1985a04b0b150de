package app.textbridge.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/**
 * The one address rule of the phone: what the provider reader and the send queue each relied on
 * before they shared it (the reader trimmed, the queue did not; now both do).
 */
class AddressesTest {
  @Test
  void cleanTrimsAndRefusesEmptyOrOverlongAddresses() {
    assertEquals("+447700900123", Addresses.clean("  +447700900123 "));
    assertNull(Addresses.clean(null));
    assertNull(Addresses.clean("   "));
    String max = String.join("", Collections.nCopies(Addresses.MAX_LENGTH, "1"));
    assertEquals(max, Addresses.clean(max));
    assertNull(Addresses.clean(max + "1"), "an e-mail gateway's long address");
  }

  @Test
  void digitsKeepOnlyDigitsAndAreEmptyForAlphanumericSenders() {
    assertEquals("447700900123", Addresses.digits("+44 (7700) 900-123"));
    assertEquals("", Addresses.digits("VODAFONE"));
    assertEquals("", Addresses.digits("Bank 24"));
    assertEquals("", Addresses.digits(""));
  }

  @Test
  void sameLineDespiteCountryCodeTrunkPrefixAndPunctuation() {
    assertTrue(Addresses.same("+44 7700 900123", "07700900123"));
    assertTrue(Addresses.same("07700900123", "+447700900123"));
    assertTrue(Addresses.same("(077) 009-00123", "+44 7700 900123"));
    assertFalse(Addresses.same("+447700900123", "+447700900124"));
  }

  @Test
  void onlyTheLastNineDigitsCount() {
    assertTrue(
        Addresses.same("+33 6 12 34 56 78", "+1 612345678"),
        "the country code differs, the line does not");
    assertFalse(Addresses.same("+44 7700 900123", "+44 7711 900123"));
  }

  @Test
  void numbersShorterThanNineDigitsCompareOnTheShorterTail() {
    assertTrue(Addresses.same("12345", "9912345"));
    assertFalse(Addresses.same("12345", "12346"));
  }

  @Test
  void shortCodesAndAlphanumericSendersMatchExactlyIgnoringCaseAndSpaces() {
    assertTrue(Addresses.same("Vodafone", "VODAFONE"));
    assertTrue(
        Addresses.same(" Vodafone ", "vodafone"),
        "trimmed: the provider may store a padded sender");
    assertTrue(Addresses.same("3535", "3535"));
    assertTrue(Addresses.same(" 3535", "3535 "));
    assertFalse(
        Addresses.same("3535", "07700903535"), "a short code is not the tail of a long number");
    assertFalse(Addresses.same("Vodafone", "Vodafone UK"));
    assertFalse(
        Addresses.same("Bank 77009 00123", "07700900123"),
        "a sender with letters never matches by its digits");
  }

  @Test
  void containsSameFindsTheLineInAnySpelling() {
    assertTrue(
        Addresses.containsSame(Arrays.asList("+1 555 0100", "+44 7700 900123"), "07700900123"));
    assertFalse(Addresses.containsSame(Arrays.asList("+1 555 0100"), "07700900123"));
    assertFalse(Addresses.containsSame(Collections.<String>emptyList(), "07700900123"));
  }
}
