package app.textbridge.core.mms;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The WSP well-known content types (WAP-230-WSP Table 40, kept by OMNA as "WSP Content Type
 * Numbers") that an MMS is likely to carry. A well-known type is sent as one short-integer octet
 * instead of its name; a type without an assigned number goes as a text-string. Only the types
 * picked here are shortened; each number was checked against the OMNA table and, in the app's
 * Robolectric test, against Android's own {@code PduContentTypes}.
 *
 * <p>Note what is not here: {@code application/smil} has no assigned number (0x33 is {@code
 * application/vnd.wap.multipart.related}), so the SMIL part's type is always a text-string; and no
 * other multipart type, since the request refuses nested multiparts.
 */
final class WspContentTypes {
  private WspContentTypes() {}

  static final String MULTIPART_RELATED = "application/vnd.wap.multipart.related";
  static final String SMIL = "application/smil";
  static final String TEXT_PLAIN = "text/plain";

  private static final Map<String, Integer> CODES = new HashMap<>();

  static {
    CODES.put("text/html", 0x02);
    CODES.put(TEXT_PLAIN, 0x03);
    CODES.put("text/x-vcalendar", 0x06);
    CODES.put("text/x-vcard", 0x07);
    CODES.put("image/gif", 0x1D);
    CODES.put("image/jpeg", 0x1E);
    CODES.put("image/tiff", 0x1F);
    CODES.put("image/png", 0x20);
    CODES.put("image/vnd.wap.wbmp", 0x21);
    CODES.put("application/xml", 0x27);
    CODES.put("text/xml", 0x28);
    CODES.put(MULTIPART_RELATED, 0x33);
  }

  /** The assigned number of {@code mime} (any case), or -1 when it has none here. */
  static int code(String mime) {
    Integer c = CODES.get(mime.toLowerCase(Locale.ROOT));
    return c == null ? -1 : c;
  }

  /** Every type with its number, for the tests that check the table against other sources. */
  static Map<String, Integer> all() {
    return new HashMap<>(CODES);
  }
}
