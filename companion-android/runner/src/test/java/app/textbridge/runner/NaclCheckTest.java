package app.textbridge.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.textbridge.core.crypto.Bytes;
import app.textbridge.core.crypto.KeyPair;
import app.textbridge.core.crypto.Nacl;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

/** The NaclCheck protocol: answers, round trips, refusals. */
class NaclCheckTest {
  private static JsonObject ask(String json) {
    return NaclCheck.answer(json);
  }

  @Test
  void secretboxMatchesTheSpecVectorAndRoundTrips() {
    // primitives.json seal vector n = 0, empty plaintext: NONCE(0) is 24 zero bytes.
    String key = "3fbae5cdc11ffc012e0a95a5fe6b576da85ee126fb4f2132a88e82cdf1819379";
    String nonce = "000000000000000000000000000000000000000000000000";
    JsonObject sealed =
        ask(
            "{\"op\":\"secretbox\",\"key\":\""
                + key
                + "\",\"nonce\":\""
                + nonce
                + "\",\"msg\":\"\"}");
    assertEquals("2dda6afab8a66bbf86b4a36de1f13976", sealed.get("out").getAsString());
    JsonObject opened =
        ask(
            "{\"op\":\"secretbox_open\",\"key\":\""
                + key
                + "\",\"nonce\":\""
                + nonce
                + "\",\"box\":\"2dda6afab8a66bbf86b4a36de1f13976\"}");
    assertEquals("", opened.get("out").getAsString());
    JsonObject forged =
        ask(
            "{\"op\":\"secretbox_open\",\"key\":\""
                + key
                + "\",\"nonce\":\""
                + nonce
                + "\",\"box\":\"3dda6afab8a66bbf86b4a36de1f13976\"}");
    assertTrue(forged.get("out").isJsonNull());
  }

  @Test
  void boxBothWaysAndLowOrder() {
    KeyPair a = KeyPair.generate();
    KeyPair b = KeyPair.generate();
    String nonce = Bytes.hex(Nacl.randomBytes(24));
    JsonObject box =
        ask(
            "{\"op\":\"box\",\"pk\":\""
                + Bytes.hex(b.publicKey())
                + "\",\"sk\":\""
                + Bytes.hex(a.secretKey())
                + "\",\"nonce\":\""
                + nonce
                + "\",\"msg\":\"68656c6c6f\"}");
    JsonObject open =
        ask(
            "{\"op\":\"box_open\",\"pk\":\""
                + Bytes.hex(a.publicKey())
                + "\",\"sk\":\""
                + Bytes.hex(b.secretKey())
                + "\",\"nonce\":\""
                + nonce
                + "\",\"box\":\""
                + box.get("out").getAsString()
                + "\"}");
    assertEquals("68656c6c6f", open.get("out").getAsString());
    JsonObject low =
        ask(
            "{\"op\":\"scalarmult\",\"sk\":\""
                + Bytes.hex(a.secretKey())
                + "\",\"pk\":\"0000000000000000000000000000000000000000000000000000000000000000\"}");
    assertEquals("low_order_point", low.get("error").getAsString());
    assertEquals("bad_request", ask("{\"op\":\"nope\"}").get("error").getAsString());
  }
}
