package app.textbridge.core.protocol;

import static app.textbridge.core.crypto.Bytes.hex;
import static app.textbridge.core.crypto.Bytes.unhex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.textbridge.core.model.Advert;
import app.textbridge.core.testutil.Vectors;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** qr.json (valid and invalid URIs) and discovery.json (TXT records, pairing tag). */
class QrAndDiscoveryVectorTest {
  @Test
  void qrVectors() throws Exception {
    JsonObject v = Vectors.load("qr.json");
    long now = v.get("now").getAsLong();
    for (JsonElement e : v.getAsJsonArray("valid")) {
      JsonObject c = e.getAsJsonObject();
      QrPayload p = QrPayload.parse(c.get("uri").getAsString(), now);
      assertEquals(c.get("version").getAsInt(), p.version);
      assertEquals(c.get("pairingId").getAsString(), hex(p.pairingId()));
      assertEquals(c.get("desktopStatic").getAsString(), hex(p.desktopStatic()));
      assertEquals(c.get("secret").getAsString(), hex(p.secret()));
      assertEquals(c.get("expiresAt").getAsLong(), p.expiresAt);
      assertEquals(c.get("name").getAsString(), p.name);
    }
    int invalid = 0;
    for (JsonElement e : v.getAsJsonArray("invalid")) {
      JsonObject c = e.getAsJsonObject();
      QrException ex =
          assertThrows(
              QrException.class,
              () -> QrPayload.parse(c.get("uri").getAsString(), now),
              c.get("uri").getAsString());
      assertEquals(c.get("error").getAsString(), ex.code.wire, c.get("uri").getAsString());
      invalid++;
    }
    assertEquals(v.getAsJsonArray("invalid").size(), invalid);
  }

  @Test
  void qrRoundTrip() throws Exception {
    byte[] id = new byte[16];
    byte[] pk = new byte[32];
    byte[] s = new byte[32];
    String uri = QrPayload.encode(id, pk, s, 1000, "Ada’s laptop (work) & co");
    assertEquals("Ada’s laptop (work) & co", QrPayload.parse(uri, 1000).name);
  }

  @Test
  void discoveryVectors() throws Exception {
    JsonObject v = Vectors.load("discovery.json");
    assertEquals(
        v.get("pairingTag").getAsString(),
        Discovery.pairingTag(unhex(v.get("secret").getAsString())));
    for (JsonElement e : v.getAsJsonArray("valid")) {
      JsonObject c = e.getAsJsonObject();
      Advert a = Discovery.parseTxt(toMap(c.getAsJsonObject("txt")));
      assertNotNull(a);
      List<Integer> versions = new ArrayList<>();
      for (JsonElement n : c.getAsJsonArray("versions")) versions.add(n.getAsInt());
      assertEquals(versions, a.versions);
      assertEquals(c.get("instanceId").getAsString(), a.instanceId);
      assertEquals(
          c.get("pairingTag").isJsonNull() ? null : c.get("pairingTag").getAsString(),
          a.pairingTag);
      Advert again = Discovery.parseTxt(Discovery.encodeTxt(a));
      assertEquals(a.instanceId, again.instanceId);
    }
    for (JsonElement e : v.getAsJsonArray("ignored")) {
      assertNull(Discovery.parseTxt(toMap(e.getAsJsonObject())), e.toString());
    }
    assertEquals("Textbridge-7d9f590f", Discovery.instanceName("7d9f590f4009b5396e6608365b95537b"));
  }

  private static Map<String, String> toMap(JsonObject o) {
    Map<String, String> m = new HashMap<>();
    for (String k : o.keySet()) m.put(k, o.get(k).getAsString());
    return m;
  }
}
