package app.textbridge.core.mms;

/**
 * Turns what a person typed or the contacts gave ("+44 7700 900-123", "ana@example.org") into the
 * address an MMS To header carries (MMS_ENC §8: a global-phone-number with "/TYPE=PLMN", or an RFC
 * 2822 addr-spec), or refuses it. The MMSC routes on this text alone, and Android's parser cuts an
 * address at its first '/', so anything ambiguous is refused here rather than sent.
 */
final class MmsAddress {
  /** The device-address suffix of a phone number (MMS_ENC §8). */
  static final String PLMN_SUFFIX = "/TYPE=PLMN";

  static final int MIN_DIGITS = 3;
  static final int MAX_DIGITS = 20;
  static final int MAX_EMAIL_LENGTH = 254;

  private MmsAddress() {}

  /**
   * The normalised address: a phone number as ["+"] digits (spaces, parentheses, '-' and '.'
   * removed), an e-mail address trimmed; null when it is neither.
   */
  static String normalise(String raw) {
    if (raw == null) return null;
    String a = raw.trim();
    if (a.isEmpty()) return null;
    if (a.indexOf('@') >= 0) return isEmail(a) ? a : null;
    return phone(a);
  }

  static boolean isPhone(String normalised) {
    return normalised.indexOf('@') < 0;
  }

  /** What goes in the To header's text: "+447700900123/TYPE=PLMN" or the e-mail address. */
  static String wire(String normalised) {
    return isPhone(normalised) ? normalised + PLMN_SUFFIX : normalised;
  }

  private static String phone(String a) {
    StringBuilder out = new StringBuilder(a.length());
    int digits = 0;
    for (int i = 0; i < a.length(); i++) {
      char c = a.charAt(i);
      if (c >= '0' && c <= '9') {
        out.append(c);
        digits++;
      } else if (c == '+') {
        if (out.length() > 0) return null; // only a leading plus
        out.append(c);
      } else if (c != ' ' && c != '(' && c != ')' && c != '-' && c != '.' && c != '\u00A0') {
        return null;
      }
    }
    return digits >= MIN_DIGITS && digits <= MAX_DIGITS ? out.toString() : null;
  }

  /** addr-spec with a dot-atom local part and a dotted host name; no display name, no '/'. */
  private static boolean isEmail(String a) {
    if (a.length() > MAX_EMAIL_LENGTH) return false;
    int at = a.indexOf('@');
    if (at != a.lastIndexOf('@')) return false;
    String local = a.substring(0, at);
    String domain = a.substring(at + 1);
    if (!dotAtoms(local, true)) return false;
    if (!dotAtoms(domain, false) || domain.indexOf('.') < 0) return false;
    for (String label : domain.split("\\.", -1)) {
      if (label.startsWith("-") || label.endsWith("-") || label.length() > 63) return false;
    }
    return true;
  }

  /** Non-empty atoms separated by single dots, each of atext (local) or letters/digits/'-'. */
  private static boolean dotAtoms(String s, boolean local) {
    if (s.isEmpty() || s.startsWith(".") || s.endsWith(".") || s.contains("..")) return false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (alnum || c == '.' || c == '-') continue;
      if (local && "!#$%&'*+=?^_`{|}~".indexOf(c) >= 0) continue;
      return false;
    }
    return true;
  }
}
