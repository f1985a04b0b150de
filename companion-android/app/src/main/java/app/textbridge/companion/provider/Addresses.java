package app.textbridge.companion.provider;

import java.util.Collection;

/** Phone-number hygiene for provider addresses and the user's own numbers. */
final class Addresses {
    /** PROTOCOL.md §8 Address: 1–64 characters. */
    static final int MAX_LENGTH = 64;

    private Addresses() {}

    /** Trimmed address, or null when empty or too long to send (an e-mail gateway's MMS address). */
    static String clean(String address) {
        if (address == null) {
            return null;
        }
        String a = address.trim();
        return a.isEmpty() || a.length() > MAX_LENGTH ? null : a;
    }

    /** The digits of a phone number, or "" for an alphanumeric sender. */
    static String digits(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(c);
            } else if (Character.isLetter(c)) {
                return "";
            }
        }
        return out.toString();
    }

    /**
     * Loose equality: "+44 7700 900123" and "07700900123" are the same line. The last nine digits
     * are compared (national numbers differ by trunk prefix and country code, not in their tail);
     * alphanumeric senders must match exactly, ignoring case.
     */
    static boolean same(String a, String b) {
        String da = digits(a);
        String db = digits(b);
        if (da.length() < 5 || db.length() < 5) {
            return a.trim().equalsIgnoreCase(b.trim());
        }
        int n = Math.min(9, Math.min(da.length(), db.length()));
        return da.regionMatches(da.length() - n, db, db.length() - n, n);
    }

    static boolean containsSame(Collection<String> numbers, String address) {
        for (String n : numbers) {
            if (same(n, address)) {
                return true;
            }
        }
        return false;
    }
}
