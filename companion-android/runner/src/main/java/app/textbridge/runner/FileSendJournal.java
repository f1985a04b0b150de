package app.textbridge.runner;

import app.textbridge.core.model.FailureReason;
import app.textbridge.core.model.SendRecord;
import app.textbridge.core.model.SendState;
import app.textbridge.core.support.MemorySendJournal;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The send journal in {@code <state>/sends.json}, rewritten atomically and fsynced on every change
 * (sends are rare), so a key is durable before the simulated radio sees it.
 */
final class FileSendJournal extends MemorySendJournal {
  private final Path file;

  FileSendJournal(Path dir) throws IOException {
    this.file = dir.resolve("sends.json");
    if (!Files.exists(file)) return;
    JsonArray list =
        JsonParser.parseString(new String(Files.readAllBytes(file), StandardCharsets.UTF_8))
            .getAsJsonArray();
    for (JsonElement e : list) {
      SendRecord r = fromJson(e.getAsJsonObject());
      records.put(r.key, r);
    }
  }

  @Override
  protected void changed(SendRecord record) throws IOException {
    JsonArray list = new JsonArray();
    for (SendRecord r : records.values()) list.add(toJson(r));
    AtomicFile.write(file, list.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static JsonObject toJson(SendRecord r) {
    JsonObject o = new JsonObject();
    o.addProperty("key", r.key);
    JsonArray to = new JsonArray();
    for (String t : r.recipients) to.add(t);
    o.add("to", to);
    o.addProperty("bodyDigest", r.bodyDigest);
    o.addProperty("subId", r.subId);
    o.addProperty("requestedAt", r.requestedAt);
    o.addProperty("state", r.state.wire);
    o.addProperty("reason", r.reason == null ? null : r.reason.wire);
    o.addProperty("detail", r.detail);
    o.addProperty("handedToRadio", r.handedToRadio);
    JsonArray parts = new JsonArray();
    for (int p : r.partsPerRecipient()) parts.add(p);
    o.add("partsPerRecipient", parts);
    StringBuilder states = new StringBuilder();
    for (byte b : r.partStates()) states.append((char) ('0' + b));
    o.addProperty("partStates", states.toString());
    JsonArray ids = new JsonArray();
    for (String id : r.messageIds) ids.add(id);
    o.add("messageIds", ids);
    o.addProperty("updatedAt", r.updatedAt);
    return o;
  }

  private static SendRecord fromJson(JsonObject o) {
    List<String> to = strings(o.getAsJsonArray("to"));
    JsonArray pa = o.getAsJsonArray("partsPerRecipient");
    int[] parts = new int[pa.size()];
    for (int i = 0; i < parts.length; i++) parts[i] = pa.get(i).getAsInt();
    String st = o.get("partStates").getAsString();
    byte[] states = new byte[st.length()];
    for (int i = 0; i < states.length; i++) states[i] = (byte) (st.charAt(i) - '0');
    return new SendRecord(
        o.get("key").getAsString(),
        to,
        o.get("bodyDigest").getAsString(),
        o.get("subId").isJsonNull() ? null : o.get("subId").getAsInt(),
        o.get("requestedAt").getAsLong(),
        SendState.fromWire(o.get("state").getAsString()),
        o.get("reason").isJsonNull() ? null : FailureReason.fromWire(o.get("reason").getAsString()),
        o.get("detail").isJsonNull() ? null : o.get("detail").getAsString(),
        o.get("handedToRadio").getAsBoolean(),
        parts,
        states,
        strings(o.getAsJsonArray("messageIds")),
        o.get("updatedAt").getAsLong());
  }

  private static List<String> strings(JsonArray a) {
    List<String> out = new ArrayList<>();
    for (JsonElement e : a) out.add(e.getAsString());
    return out;
  }
}
