package app.textbridge.core.protocol;

import app.textbridge.core.crypto.Bytes;
import app.textbridge.core.protocol.message.Shapes;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The QR payload of PROTOCOL.md §4, parsed strictly (a scanned code is untrusted input). */
public final class QrPayload {
  private static final String PREFIX = "textbridge:pair?";
  private static final String[] PARAMS = {"v", "id", "pk", "s", "exp", "name"};

  public final int version;
  private final byte[] pairingId;
  private final byte[] desktopStatic;
  private final byte[] secret;

  /** Unix seconds. */
  public final long expiresAt;

  public final String name;

  private QrPayload(
      int version,
      byte[] pairingId,
      byte[] desktopStatic,
      byte[] secret,
      long expiresAt,
      String name) {
    this.version = version;
    this.pairingId = pairingId;
    this.desktopStatic = desktopStatic;
    this.secret = secret;
    this.expiresAt = expiresAt;
    this.name = name;
  }

  public byte[] pairingId() {
    return pairingId.clone();
  }

  public byte[] desktopStatic() {
    return desktopStatic.clone();
  }

  public byte[] secret() {
    return secret.clone();
  }

  /** Builds the URI a desktop would show (tests and the JVM desktop peer). */
  public static String encode(
      byte[] pairingId, byte[] desktopStatic, byte[] secret, long expiresAt, String name) {
    return PREFIX
        + "v="
        + Constants.PROTOCOL_VERSION
        + "&id="
        + Bytes.base64Url(pairingId)
        + "&pk="
        + Bytes.base64Url(desktopStatic)
        + "&s="
        + Bytes.base64Url(secret)
        + "&exp="
        + expiresAt
        + "&name="
        + percentEncode(name);
  }

  /** Parses and checks a scanned URI against the phone's clock ({@code nowSeconds}). */
  public static QrPayload parse(String uri, long nowSeconds) throws QrException {
    if (uri.length() > Constants.QR_MAX_URI_LENGTH || !uri.startsWith(PREFIX)) throw bad("prefix");
    Map<String, String> values = new HashMap<>();
    for (String pair : uri.substring(PREFIX.length()).split("&", -1)) {
      int eq = pair.indexOf('=');
      if (eq < 0) throw bad("parameter without value");
      String key = pair.substring(0, eq);
      if (!isParam(key)) continue;
      if (values.put(key, pair.substring(eq + 1)) != null) throw bad("repeated " + key);
    }
    for (String p : PARAMS) if (!values.containsKey(p)) throw bad("missing " + p);
    long version = decimal(values.get("v"));
    if (version > Integer.MAX_VALUE || !Constants.supportsVersion((int) version)) {
      throw new QrException(QrException.Code.UNSUPPORTED_VERSION, "version");
    }
    QrPayload p =
        new QrPayload(
            (int) version,
            bytesOf(values.get("id"), 16),
            bytesOf(values.get("pk"), 32),
            bytesOf(values.get("s"), 32),
            decimal(values.get("exp")),
            nameOf(values.get("name")));
    if (p.expiresAt < nowSeconds - Constants.QR_SKEW_PAST_S
        || p.expiresAt > nowSeconds + Constants.QR_MAX_FUTURE_S) {
      throw new QrException(QrException.Code.EXPIRED_QR, "expiry");
    }
    return p;
  }

  private static boolean isParam(String key) {
    for (String p : PARAMS) if (p.equals(key)) return true;
    return false;
  }

  private static long decimal(String text) throws QrException {
    // Same rule as the TS side: no leading zeros, at most 16 digits, a safe integer.
    if (!text.matches("0|[1-9][0-9]{0,15}")) throw bad("not a decimal");
    long n = Long.parseLong(text);
    if (n > 9007199254740991L) throw bad("number too large");
    return n;
  }

  private static byte[] bytesOf(String text, int length) throws QrException {
    byte[] bytes;
    try {
      bytes = Bytes.fromBase64Url(text);
    } catch (IllegalArgumentException e) {
      throw bad("bad base64url");
    }
    if (bytes.length != length) throw bad("wrong field length");
    return bytes;
  }

  private static String nameOf(String text) throws QrException {
    String name = percentDecode(text);
    if (!Shapes.isDisplayName(name)) throw bad("bad name");
    return name;
  }

  /** decodeURIComponent: %XX sequences must form valid UTF-8; other characters pass through. */
  private static String percentDecode(String text) throws QrException {
    StringBuilder out = new StringBuilder();
    ByteArrayOutputStream pending = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '%') {
        flush(pending, out);
        out.append(c);
        continue;
      }
      if (i + 2 >= text.length()) throw bad("bad percent-encoding");
      int hi = Character.digit(text.charAt(i + 1), 16);
      int lo = Character.digit(text.charAt(i + 2), 16);
      if (hi < 0 || lo < 0) throw bad("bad percent-encoding");
      pending.write(hi * 16 + lo);
      i += 2;
    }
    flush(pending, out);
    return out.toString();
  }

  private static void flush(ByteArrayOutputStream pending, StringBuilder out) throws QrException {
    if (pending.size() == 0) return;
    try {
      out.append(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(pending.toByteArray())));
    } catch (CharacterCodingException e) {
      throw bad("bad percent-encoding");
    }
    pending.reset();
  }

  /** encodeURIComponent. */
  private static String percentEncode(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || "-_.!~*'()".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  private static QrException bad(String detail) {
    return new QrException(QrException.Code.BAD_QR, detail);
  }
}
