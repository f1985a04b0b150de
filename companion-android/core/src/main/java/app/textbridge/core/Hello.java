package app.textbridge.core;

import app.textbridge.core.model.SimCard;
import app.textbridge.core.port.MmsSender;
import app.textbridge.core.protocol.Constants;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;

/** The phone's hello body (PROTOCOL.md §9.1). */
final class Hello {
  private Hello() {}

  /** {@code mms} null: the phone sends no MMS (no send.mms, no mmsMaxBytes). */
  static JsonObject body(PhoneConfig config, List<SimCard> sims, MmsSender mms) {
    JsonObject o = new JsonObject();
    o.addProperty("role", "phone");
    o.addProperty("app", config.appName);
    o.addProperty("appVersion", config.appVersion);
    o.addProperty("protocol", Constants.PROTOCOL_VERSION);
    JsonArray caps = new JsonArray();
    for (String c : config.capabilities(mms != null)) caps.add(c);
    o.add("capabilities", caps);
    JsonObject device = new JsonObject();
    device.addProperty("name", config.deviceName);
    if (config.deviceModel != null) device.addProperty("model", config.deviceModel);
    if (config.deviceRegion != null && config.deviceRegion.matches("[A-Z]{2}")) {
      device.addProperty("region", config.deviceRegion);
    }
    o.add("device", device);
    JsonArray list = new JsonArray();
    for (SimCard s : sims) {
      if (list.size() >= 8) break;
      JsonObject sim = new JsonObject();
      sim.addProperty("subId", s.subId);
      sim.addProperty("slot", s.slot);
      sim.addProperty("label", s.label);
      sim.addProperty("carrier", s.carrier);
      sim.addProperty("number", s.number);
      sim.addProperty("isDefault", s.isDefault);
      if (mms != null) {
        long max = mms.maxMessageBytes(s.subId);
        if (max >= 1) sim.addProperty("mmsMaxBytes", Math.min(max, Integer.MAX_VALUE));
      }
      list.add(sim);
    }
    o.add("sims", list);
    return o;
  }
}
