package app.textbridge.core.send;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A validated send.request body (PROTOCOL.md §9.9), read once. */
final class SendRequest {
  final String key;
  final List<String> to;
  final String text;
  final Integer subId;
  final List<Attachment> attachments;

  /** One entry of {@code attachments}: an upload, with the type and name its part gets. */
  static final class Attachment {
    final String uploadId;
    final String mime;
    final String name;

    Attachment(String uploadId, String mime, String name) {
      this.uploadId = uploadId;
      this.mime = mime;
      this.name = name;
    }
  }

  private SendRequest(
      String key, List<String> to, String text, Integer subId, List<Attachment> attachments) {
    this.key = key;
    this.to = Collections.unmodifiableList(to);
    this.text = text;
    this.subId = subId;
    this.attachments = Collections.unmodifiableList(attachments);
  }

  static SendRequest parse(JsonObject b) {
    List<String> to = new ArrayList<>();
    for (JsonElement e : b.getAsJsonArray("to")) to.add(e.getAsString());
    List<Attachment> attachments = new ArrayList<>();
    if (b.has("attachments")) {
      for (JsonElement e : b.getAsJsonArray("attachments")) {
        JsonObject a = e.getAsJsonObject();
        attachments.add(
            new Attachment(
                a.get("uploadId").getAsString(),
                a.get("mime").getAsString(),
                a.get("name").isJsonNull() ? null : a.get("name").getAsString()));
      }
    }
    return new SendRequest(
        b.get("key").getAsString(),
        to,
        b.get("body").getAsString(),
        b.get("subId").isJsonNull() ? null : b.get("subId").getAsInt(),
        attachments);
  }

  /** Attachments or several recipients: one MMS; otherwise a text, as before MMS existed. */
  boolean asMms() {
    return !attachments.isEmpty() || to.size() > 1;
  }

  /** The text an MMS of this request carries: none for a blank body, as the encoder decides. */
  String mmsText() {
    return text.trim().isEmpty() ? "" : text;
  }
}
