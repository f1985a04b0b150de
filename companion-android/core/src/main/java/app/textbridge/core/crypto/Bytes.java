package app.textbridge.core.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Hex and base64 helpers (lower-case hex, unpadded base64url as PROTOCOL.md §1 says). */
public final class Bytes {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Bytes() {}

  public static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }

  /** Parses lower- or upper-case hex; throws IllegalArgumentException on anything else. */
  public static byte[] unhex(String text) {
    if (text.length() % 2 != 0) throw new IllegalArgumentException("odd hex length");
    byte[] out = new byte[text.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) ((nibble(text.charAt(2 * i)) << 4) | nibble(text.charAt(2 * i + 1)));
    }
    return out;
  }

  private static int nibble(char c) {
    int v = Character.digit(c, 16);
    if (v < 0) throw new IllegalArgumentException("not hex");
    return v;
  }

  public static String base64Url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * Strict unpadded base64url: refuses padding, other alphabets and non-canonical trailing bits
   * (the same strings the TypeScript decoder refuses).
   */
  public static byte[] fromBase64Url(String text) {
    if (!text.matches("[A-Za-z0-9_-]*") || text.length() % 4 == 1) {
      throw new IllegalArgumentException("not base64url");
    }
    byte[] out = Base64.getUrlDecoder().decode(text);
    if (!base64Url(out).equals(text)) throw new IllegalArgumentException("non-canonical");
    return out;
  }

  public static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] p : parts) length += p.length;
    byte[] out = new byte[length];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  public static byte[] slice(byte[] bytes, int from, int to) {
    byte[] out = new byte[to - from];
    System.arraycopy(bytes, from, out, 0, out.length);
    return out;
  }
}
