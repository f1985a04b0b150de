package app.textbridge.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.textbridge.core.testutil.Vectors;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Wycheproof X25519 and Ed25519 (skipped, with the reason printed, when the files are absent). */
class WycheproofTest {
  private static JsonObject loadOrSkip(String name) throws IOException {
    Path file = Vectors.wycheproof(name);
    if (!Files.exists(file)) System.out.println("Wycheproof skipped: " + file + " is absent");
    assumeTrue(Files.exists(file), "Wycheproof file absent: " + file);
    return Vectors.read(file).getAsJsonObject();
  }

  @Test
  void x25519() throws IOException {
    int checked = 0;
    int refused = 0;
    for (JsonElement g : loadOrSkip("x25519_test.json").getAsJsonArray("testGroups")) {
      for (JsonElement t : g.getAsJsonObject().getAsJsonArray("tests")) {
        JsonObject c = t.getAsJsonObject();
        byte[] sk = Bytes.unhex(c.get("private").getAsString());
        byte[] pk = Bytes.unhex(c.get("public").getAsString());
        byte[] expected = Bytes.unhex(c.get("shared").getAsString());
        String label = "tcId " + c.get("tcId").getAsInt();
        boolean zero = isZero(expected);
        try {
          byte[] shared = Nacl.scalarMult(sk, pk);
          assertTrue(!zero, label + ": all-zero shared secret accepted");
          assertArrayEquals(expected, shared, label);
        } catch (CryptoException e) {
          assertTrue(zero, label + ": refused a valid point (" + e.code.wire + ")");
          assertEquals(CryptoException.Code.LOW_ORDER_POINT, e.code);
          refused++;
        }
        checked++;
      }
    }
    assertTrue(checked > 100, "too few cases: " + checked);
    assertTrue(refused > 0, "no zero-shared-secret case was refused");
  }

  @Test
  void ed25519() throws IOException {
    int checked = 0;
    for (JsonElement g : loadOrSkip("ed25519_test.json").getAsJsonArray("testGroups")) {
      JsonObject group = g.getAsJsonObject();
      JsonObject key =
          group.has("publicKey")
              ? group.getAsJsonObject("publicKey")
              : group.getAsJsonObject("key");
      byte[] pk = Bytes.unhex(key.get("pk").getAsString());
      for (JsonElement t : group.getAsJsonArray("tests")) {
        JsonObject c = t.getAsJsonObject();
        boolean ok =
            Ed25519Strict.verify(
                pk,
                Bytes.unhex(c.get("msg").getAsString()),
                hexOrEmpty(c.get("sig").getAsString()));
        String result = c.get("result").getAsString();
        boolean expected = result.equals("valid");
        assertEquals(expected, ok, "tcId " + c.get("tcId").getAsInt() + " (" + result + ")");
        checked++;
      }
    }
    assertTrue(checked > 100, "too few cases: " + checked);
  }

  private static byte[] hexOrEmpty(String s) {
    try {
      return Bytes.unhex(s);
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
  }

  private static boolean isZero(byte[] b) {
    for (byte x : b) if (x != 0) return false;
    return true;
  }
}
