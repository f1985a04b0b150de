package app.textbridge.core.crypto;

import static app.textbridge.core.crypto.Bytes.hex;
import static app.textbridge.core.crypto.Bytes.unhex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.textbridge.core.protocol.handshake.HandshakeResult;
import app.textbridge.core.testutil.Vectors;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** primitives.json: HMAC, HKDF2/3, X25519 (and low-order refusal), SEAL, SAS. */
class PrimitivesVectorTest {
  static JsonObject v;

  @BeforeAll
  static void load() throws IOException {
    v = Vectors.load("primitives.json");
  }

  private static String s(JsonElement e, String k) {
    return e.getAsJsonObject().get(k).getAsString();
  }

  @Test
  void hmac() {
    for (JsonElement e : v.getAsJsonArray("hmac")) {
      assertEquals(s(e, "mac"), hex(Primitives.hmac(unhex(s(e, "key")), unhex(s(e, "data")))));
    }
  }

  @Test
  void hkdf() {
    for (JsonElement e : v.getAsJsonArray("hkdf2")) {
      byte[][] out = Primitives.hkdf2(unhex(s(e, "ck")), unhex(s(e, "ikm")));
      assertEquals(s(e, "out1"), hex(out[0]));
      assertEquals(s(e, "out2"), hex(out[1]));
    }
    for (JsonElement e : v.getAsJsonArray("hkdf3")) {
      byte[][] out = Primitives.hkdf3(unhex(s(e, "ck")), unhex(s(e, "ikm")));
      assertEquals(s(e, "out1"), hex(out[0]));
      assertEquals(s(e, "out2"), hex(out[1]));
      assertEquals(s(e, "out3"), hex(out[2]));
    }
  }

  @Test
  void x25519AndLowOrder() throws CryptoException {
    for (JsonElement e : v.getAsJsonArray("x25519")) {
      assertEquals(
          s(e, "shared"), hex(Primitives.dh(unhex(s(e, "secretKey")), unhex(s(e, "publicKey")))));
    }
    for (JsonElement e : v.getAsJsonArray("x25519LowOrder")) {
      CryptoException ex =
          assertThrows(
              CryptoException.class,
              () -> Primitives.dh(unhex(s(e, "secretKey")), unhex(s(e, "publicKey"))));
      assertEquals(s(e, "error"), ex.code.wire);
    }
  }

  @Test
  void sealAndOpen() throws CryptoException {
    for (JsonElement e : v.getAsJsonArray("seal")) {
      byte[] key = unhex(s(e, "key"));
      long n = e.getAsJsonObject().get("n").getAsLong();
      byte[] c = Primitives.seal(key, n, unhex(s(e, "plaintext")));
      assertEquals(s(e, "ciphertext"), hex(c));
      assertEquals(s(e, "plaintext"), hex(Primitives.open(key, n, c)));
      assertThrows(CryptoException.class, () -> Primitives.open(key, n + 1, c));
    }
  }

  @Test
  void shortCode() {
    for (JsonElement e : v.getAsJsonArray("sas")) {
      assertEquals(s(e, "sas"), HandshakeResult.shortCode(unhex(s(e, "handshakeHash"))));
    }
  }
}
