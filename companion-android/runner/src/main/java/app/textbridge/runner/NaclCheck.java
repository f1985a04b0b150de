package app.textbridge.runner;

import app.textbridge.core.crypto.Bytes;
import app.textbridge.core.crypto.CryptoException;
import app.textbridge.core.crypto.Nacl;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Cross-language NaCl check: reads one JSON request per line on stdin and writes one JSON answer
 * per line on stdout, in order, until EOF. All byte strings are lower-case hex.
 *
 * <pre>
 * {"op":"secretbox","key":K,"nonce":N,"msg":M}            → {"out":hex}
 * {"op":"secretbox_open","key":K,"nonce":N,"box":B}       → {"out":hex} or {"out":null}
 * {"op":"box","pk":P,"sk":S,"nonce":N,"msg":M}            → {"out":hex}
 * {"op":"box_open","pk":P,"sk":S,"nonce":N,"box":B}       → {"out":hex} or {"out":null}
 * {"op":"scalarmult","sk":S,"pk":P}                       → {"out":hex} or {"error":"low_order_point"}
 * </pre>
 *
 * box/box_open with a low-order {@code pk} also answer {"error":"low_order_point"} (tweetnacl would
 * silently use an all-zero key). A malformed request answers {"error":"bad_request"}. Run it with
 * {@code java -cp textbridge-phone.jar app.textbridge.runner.NaclCheck}.
 */
public final class NaclCheck {
  private NaclCheck() {}

  public static void main(String[] args) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    PrintStream out = new PrintStream(System.out, false, "UTF-8");
    for (String line; (line = in.readLine()) != null; ) {
      if (line.trim().isEmpty()) continue;
      out.println(answer(line).toString());
      out.flush();
    }
  }

  static JsonObject answer(String line) {
    JsonObject res = new JsonObject();
    try {
      JsonObject r = JsonParser.parseString(line).getAsJsonObject();
      String op = r.get("op").getAsString();
      switch (op) {
        case "secretbox":
          put(res, Nacl.secretbox(hex(r, "msg"), hex(r, "nonce"), hex(r, "key")));
          break;
        case "secretbox_open":
          put(
              res,
              openOrNull(() -> Nacl.secretboxOpen(hex(r, "box"), hex(r, "nonce"), hex(r, "key"))));
          break;
        case "box":
          put(res, Nacl.box(hex(r, "msg"), hex(r, "nonce"), hex(r, "pk"), hex(r, "sk")));
          break;
        case "box_open":
          put(
              res,
              openOrNull(
                  () -> Nacl.boxOpen(hex(r, "box"), hex(r, "nonce"), hex(r, "pk"), hex(r, "sk"))));
          break;
        case "scalarmult":
          put(res, Nacl.scalarMult(hex(r, "sk"), hex(r, "pk")));
          break;
        default:
          res.addProperty("error", "bad_request");
      }
    } catch (CryptoException e) {
      res = new JsonObject();
      res.addProperty("error", e.code.wire);
    } catch (RuntimeException e) {
      res = new JsonObject();
      res.addProperty("error", "bad_request");
    }
    return res;
  }

  private interface Opening {
    byte[] open() throws CryptoException;
  }

  /** A tag that does not verify answers null; a low-order key is still an error. */
  private static byte[] openOrNull(Opening o) throws CryptoException {
    try {
      return o.open();
    } catch (CryptoException e) {
      if (e.code == CryptoException.Code.DECRYPT_FAILED) return null;
      throw e;
    }
  }

  private static void put(JsonObject res, byte[] out) {
    if (out == null) res.add("out", JsonNull.INSTANCE);
    else res.addProperty("out", Bytes.hex(out));
  }

  private static byte[] hex(JsonObject r, String key) {
    return Bytes.unhex(r.get(key).getAsString());
  }
}
