package app.textbridge.core.protocol;

import static app.textbridge.core.crypto.Bytes.hex;
import static app.textbridge.core.crypto.Bytes.unhex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.textbridge.core.testutil.Vectors;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

/** frames.json: each direction's frames sealed and opened with implicit counters. */
class FramesVectorTest {
  @Test
  void framesInBothDirections() throws Exception {
    JsonObject v = Vectors.load("frames.json");
    check(v, "desktopToPhone", unhex(v.get("desktopToPhoneKey").getAsString()));
    check(v, "phoneToDesktop", unhex(v.get("phoneToDesktopKey").getAsString()));
  }

  private static void check(JsonObject v, String direction, byte[] key) throws Exception {
    FrameSealer sealer = new FrameSealer(key);
    FrameOpener opener = new FrameOpener(key);
    int count = 0;
    for (JsonElement e : v.getAsJsonArray(direction)) {
      JsonObject f = e.getAsJsonObject();
      assertEquals(count, f.get("n").getAsInt());
      byte[] frame = sealer.seal(unhex(f.get("plaintext").getAsString()));
      assertEquals(f.get("frame").getAsString(), hex(frame));
      assertEquals(f.get("plaintext").getAsString(), hex(opener.open(frame)));
      count++;
    }
    assertTrue(count > 0);
  }
}
