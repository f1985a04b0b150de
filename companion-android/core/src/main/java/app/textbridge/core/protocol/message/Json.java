package app.textbridge.core.protocol.message;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict JSON for untrusted input (RFC 8259 only: no comments, no single quotes, no trailing data,
 * valid UTF-8) and compact output without HTML escaping.
 */
public final class Json {
  private static final Gson GSON =
      new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

  private Json() {}

  /** Thrown for bytes that are not one strict UTF-8 JSON value. */
  public static final class ParseException extends Exception {
    private static final long serialVersionUID = 1L;

    ParseException(String message) {
      super(message);
    }
  }

  public static JsonElement parse(byte[] utf8) throws ParseException {
    return parse(decodeUtf8(utf8));
  }

  public static JsonElement parse(String text) throws ParseException {
    try {
      JsonReader reader = new JsonReader(new StringReader(text));
      reader.setStrictness(Strictness.STRICT);
      reader.setNestingLimit(64);
      JsonElement value = JsonParser.parseReader(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) throw new ParseException("trailing data");
      return value;
    } catch (JsonParseException | IOException | IllegalStateException e) {
      throw new ParseException("not JSON");
    } catch (StackOverflowError e) {
      throw new ParseException("nested too deeply");
    }
  }

  public static String decodeUtf8(byte[] bytes) throws ParseException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ParseException("not UTF-8");
    }
  }

  public static String stringify(JsonElement value) {
    return GSON.toJson(value);
  }

  public static byte[] encode(JsonElement value) {
    return stringify(value).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A JSON string literal exactly as JavaScript's JSON.stringify writes it (short escapes for \b \f
   * \n \r \t, \\u00xx for other controls, lone surrogates escaped, U+2028/2029 raw), so that
   * handshake payload bytes match the TypeScript side.
   */
  public static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\b':
          out.append("\\b");
          break;
        case '\f':
          out.append("\\f");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20 || isLoneSurrogate(s, i)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    return out.append('"').toString();
  }

  private static boolean isLoneSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
    }
    return false;
  }
}
