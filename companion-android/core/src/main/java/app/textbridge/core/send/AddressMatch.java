package app.textbridge.core.send;

/**
 * Loose phone-number equality for linking the provider's sent row to a request: the provider may
 * store "+44 7700 900123" for a request to "07700900123". Digits are compared on their last nine;
 * alphanumeric addresses must match exactly (case-insensitive).
 */
final class AddressMatch {
  private AddressMatch() {}

  static boolean same(String a, String b) {
    String da = digits(a);
    String db = digits(b);
    if (da.length() < 5 || db.length() < 5) return a.equalsIgnoreCase(b);
    int n = Math.min(9, Math.min(da.length(), db.length()));
    return da.substring(da.length() - n).equals(db.substring(db.length() - n));
  }

  private static String digits(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') out.append(c);
      else if (Character.isLetter(c)) return "";
    }
    return out.toString();
  }
}
