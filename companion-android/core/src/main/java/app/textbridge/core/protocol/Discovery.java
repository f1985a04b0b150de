package app.textbridge.core.protocol;

import app.textbridge.core.crypto.Bytes;
import app.textbridge.core.crypto.Primitives;
import app.textbridge.core.model.Advert;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** mDNS TXT records and the pairing tag (PROTOCOL.md §3). */
public final class Discovery {
  private Discovery() {}

  /** pt = hex(HMAC(secret, "textbridge/1 pairing tag")[0..8]). */
  public static String pairingTag(byte[] secret) {
    return Bytes.hex(
        Bytes.slice(Primitives.hmac(secret, Bytes.utf8(Constants.PAIRING_TAG_LABEL)), 0, 8));
  }

  /** The instance name carries no personal data: a fixed prefix and part of the random id. */
  public static String instanceName(String instanceId) {
    return "Textbridge-" + instanceId.substring(0, 8);
  }

  public static Map<String, String> encodeTxt(Advert advert) {
    Map<String, String> txt = new LinkedHashMap<>();
    StringBuilder v = new StringBuilder();
    for (Integer version : advert.versions) v.append(v.length() == 0 ? "" : ",").append(version);
    txt.put("v", v.toString());
    txt.put("id", advert.instanceId);
    if (advert.pairingTag != null) txt.put("pt", advert.pairingTag);
    return txt;
  }

  /**
   * Parses a TXT record (port 0 in the result); null for any record that does not follow §3
   * exactly: a record from the network is a hint, and a malformed one is ignored as a whole.
   */
  public static Advert parseTxt(Map<String, String> txt) {
    String v = txt.get("v");
    String id = txt.get("id");
    String pt = txt.get("pt");
    if (v == null || !v.matches("[1-9][0-9]{0,2}(,[1-9][0-9]{0,2}){0,15}")) return null;
    if (id == null || !id.matches("[0-9a-f]{32}")) return null;
    if (txt.containsKey("pt") && (pt == null || !pt.matches("[0-9a-f]{16}"))) return null;
    List<Integer> versions = new ArrayList<>();
    for (String part : v.split(",")) versions.add(Integer.parseInt(part));
    return new Advert(id, 0, versions, pt);
  }
}
