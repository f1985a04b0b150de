package app.textbridge.core.model;

import java.util.Collection;

/**
 * Phone-number hygiene shared by the phone's two sides: the Android provider reader (addresses as
 * the provider stores them, the phone's own numbers) and the send queue (linking the row the
 * provider writes for a sent text back to its request). One rule for both, so a number the queue
 * matches is the same one the reader would.
 */
public final class Addresses {
  /** PROTOCOL.md §8 Address: 1–64 characters. */
  public static final int MAX_LENGTH = 64;

  private Addresses() {}

  /** Trimmed address, or null when empty or too long to send (an e-mail gateway's MMS address). */
  public static String clean(String address) {
    if (address == null) return null;
    String a = address.trim();
    return a.isEmpty() || a.length() > MAX_LENGTH ? null : a;
  }

  /** The digits of a phone number, or "" for an alphanumeric sender. */
  public static String digits(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') out.append(c);
      else if (Character.isLetter(c)) return "";
    }
    return out.toString();
  }

  /**
   * Loose equality: "+44 7700 900123" and "07700900123" are the same line, since the provider may
   * store either for a text sent to the other. The last nine digits are compared (national numbers
   * differ by trunk prefix and country code, not in their tail); short codes and alphanumeric
   * senders must match exactly, ignoring case and surrounding spaces.
   */
  public static boolean same(String a, String b) {
    String da = digits(a);
    String db = digits(b);
    if (da.length() < 5 || db.length() < 5) return a.trim().equalsIgnoreCase(b.trim());
    int n = Math.min(9, Math.min(da.length(), db.length()));
    return da.regionMatches(da.length() - n, db, db.length() - n, n);
  }

  /** Whether any of {@code numbers} is {@link #same} as {@code address}. */
  public static boolean containsSame(Collection<String> numbers, String address) {
    for (String n : numbers) if (same(n, address)) return true;
    return false;
  }
}
