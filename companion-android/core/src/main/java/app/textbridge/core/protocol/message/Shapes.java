package app.textbridge.core.protocol.message;

import com.google.gson.JsonElement;

/**
 * Shapes shared by several message types (PROTOCOL.md §8), as in
 * shared/protocol/messages/common.ts.
 */
public final class Shapes {
  private Shapes() {}

  public static final int MAX_BODY_CHARS = 262_144;
  public static final String INSTANCE_ID = "[0-9a-f]{32}";
  public static final String SEND_KEY = "[A-Za-z0-9_-]{16,64}";

  /** Names one file being uploaded for an outgoing MMS; the same shape as a send key. */
  public static final String UPLOAD_ID = "[A-Za-z0-9_-]{16,64}";

  public static final String REQUEST_ID = "[A-Za-z0-9._:-]{1,64}";

  /** C0 and C1 control characters (U+0000–U+001F, U+007F–U+009F). */
  public static boolean hasControlChars(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= 0x1f || (c >= 0x7f && c <= 0x9f)) return true;
    }
    return false;
  }

  public static boolean isDisplayName(String s) {
    return s.length() >= 1 && s.length() <= 64 && !hasControlChars(s);
  }

  public static boolean isInstanceId(String s) {
    return s.matches(INSTANCE_ID);
  }

  private static final String BASE64_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  /**
   * The number of bytes a standard base64 string encodes (RFC 4648 §4: padded, no line breaks), or
   * -1 when it is not exactly that. The pad bits must be zero, as in common.ts, so both codecs
   * agree on every input and the length is known without decoding.
   */
  public static int base64Bytes(String s) {
    if (s.length() % 4 != 0) return -1;
    int pad = s.endsWith("==") ? 2 : s.endsWith("=") ? 1 : 0;
    int end = s.length() - pad;
    for (int i = 0; i < end; i++) {
      if (BASE64_ALPHABET.indexOf(s.charAt(i)) < 0) return -1;
    }
    if (pad > 0) {
      // The last data character carries 4 (one pad) or 2 (two pads) unused low bits.
      int last = BASE64_ALPHABET.indexOf(s.charAt(end - 1));
      if ((last & (pad == 2 ? 0x0f : 0x03)) != 0) return -1;
    }
    return s.length() / 4 * 3 - pad;
  }

  public static final Schema DISPLAY_NAME =
      Schema.string(1, 64).refine(v -> !hasControlChars(v.getAsString()));
  public static final Schema TIMESTAMP = Schema.integer(0);
  public static final Schema WATERMARK = Schema.string(1, 128);
  public static final Schema CURSOR = Schema.string(1, 256).nullable();
  public static final Schema ADDRESS = Schema.string(1, 64);
  public static final Schema MESSAGE_ID = Schema.string(1, 64);
  public static final Schema PART_ID = Schema.string(1, 64);
  public static final Schema SUB_ID = Schema.anyInteger().nullable();
  public static final Schema SEND_KEY_SCHEMA = Schema.string(0, 64, SEND_KEY);
  public static final Schema REQUEST_ID_SCHEMA = Schema.string(1, 64, REQUEST_ID);
  public static final Schema UPLOAD_ID_SCHEMA = Schema.string(0, 64, UPLOAD_ID);
  public static final Schema MIME = Schema.string(1, 100);
  public static final Schema FILE_NAME = Schema.string(0, 255).nullable();

  public static final Schema PART =
      Schema.object()
          .req("partId", PART_ID)
          .req("mime", MIME)
          .req("size", Schema.integer(0).nullable())
          .req("name", FILE_NAME);

  public static final Schema SMS_MESSAGE =
      Schema.object()
          .req("id", MESSAGE_ID)
          .req("kind", Schema.oneOf("sms", "mms"))
          .req("threadId", Schema.integer(0).nullable())
          .req("box", Schema.oneOf("inbox", "sent", "outbox", "queued", "failed", "draft"))
          .req("addresses", Schema.array(ADDRESS, 1, 50))
          .req("sender", ADDRESS.nullable())
          .req("date", TIMESTAMP)
          .req("dateSent", TIMESTAMP.nullable())
          .req("body", Schema.string(0, MAX_BODY_CHARS))
          .req("read", Schema.bool())
          .req("status", Schema.oneOf("none", "pending", "complete", "failed"))
          .req("subId", SUB_ID)
          .req("parts", Schema.array(PART, 0, 20))
          .req("sendKey", SEND_KEY_SCHEMA.nullable());

  static boolean isString(JsonElement v) {
    return v != null && v.isJsonPrimitive() && v.getAsJsonPrimitive().isString();
  }
}
