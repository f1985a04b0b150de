package app.textbridge.core.mms;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the hand-written byte vectors in src/test/resources/mms/ (format in its README.md): hex
 * octets, 'ASCII literals' and # comments, so each header can sit on its own line with what it is.
 */
final class HexVector {
  private HexVector() {}

  static byte[] resource(String name) throws IOException {
    try (InputStream in = HexVector.class.getResourceAsStream("/mms/" + name)) {
      if (in == null) throw new IOException("no test resource mms/" + name);
      ByteArrayOutputStream text = new ByteArrayOutputStream();
      byte[] buf = new byte[4096];
      for (int n; (n = in.read(buf)) > 0; ) text.write(buf, 0, n);
      return parse(new String(text.toByteArray(), StandardCharsets.UTF_8));
    }
  }

  static byte[] parse(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '#') {
        while (i < text.length() && text.charAt(i) != '\n') i++;
      } else if (c == '\'') {
        int end = text.indexOf('\'', i + 1);
        if (end < 0) throw new IllegalArgumentException("unclosed literal at " + i);
        for (int k = i + 1; k < end; k++) {
          char ch = text.charAt(k);
          if (ch > 0x7E || ch < 0x20) throw new IllegalArgumentException("non-ASCII literal");
          out.write(ch);
        }
        i = end + 1;
      } else {
        if (i + 2 > text.length()) throw new IllegalArgumentException("odd hex at " + i);
        out.write(Integer.parseInt(text.substring(i, i + 2), 16));
        i += 2;
        if (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
          throw new IllegalArgumentException("hex octets must be separated, at " + i);
        }
      }
    }
    return out.toByteArray();
  }

  /** "8C 80 98 ..." for assertion messages. */
  static String hex(byte[] b) {
    StringBuilder s = new StringBuilder();
    for (byte x : b) s.append(String.format("%02X ", x & 0xFF));
    return s.toString().trim();
  }
}
