package app.textbridge.core.testutil;

import app.textbridge.core.crypto.Bytes;
import app.textbridge.core.protocol.message.Message;
import app.textbridge.core.protocol.message.MessageType;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.Arrays;

/** Bodies of attachment.upload and send.request for tests. */
public final class Uploads {
  private Uploads() {}

  /** A small stand-in for a JPEG: the SOI and APP0 markers, then filler. */
  public static byte[] jpeg(int size) {
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) b[i] = (byte) (i * 31 + 7);
    b[0] = (byte) 0xFF;
    b[1] = (byte) 0xD8;
    b[2] = (byte) 0xFF;
    b[3] = (byte) 0xE0;
    return b;
  }

  public static JsonObject chunk(
      String uploadId, long offset, long total, String mime, String name, byte[] data) {
    JsonObject o = new JsonObject();
    o.addProperty("uploadId", uploadId);
    o.addProperty("offset", offset);
    o.addProperty("total", total);
    o.addProperty("mime", mime);
    if (name == null) o.add("name", JsonNull.INSTANCE);
    else o.addProperty("name", name);
    o.addProperty("data", Bytes.base64(data));
    return o;
  }

  /** The chunk of {@code file} from {@code from} to {@code to}, as an attachment.upload. */
  public static Message upload(
      String id, String uploadId, byte[] file, int from, int to, String mime) {
    return Message.request(
        MessageType.ATTACHMENT_UPLOAD,
        id,
        chunk(
            uploadId, from, file.length, mime, "IMG_0042.jpg", Arrays.copyOfRange(file, from, to)));
  }

  /** A send.request body; {@code attachments} alternate uploadId and mime. */
  public static JsonObject send(String key, String body, String[] to, String... attachments) {
    JsonObject b = new JsonObject();
    b.addProperty("key", key);
    JsonArray list = new JsonArray();
    for (String t : to) list.add(t);
    b.add("to", list);
    b.addProperty("body", body);
    b.add("subId", JsonNull.INSTANCE);
    if (attachments.length > 0) {
      JsonArray a = new JsonArray();
      for (int i = 0; i + 1 < attachments.length; i += 2) {
        JsonObject e = new JsonObject();
        e.addProperty("uploadId", attachments[i]);
        e.addProperty("mime", attachments[i + 1]);
        e.addProperty("name", "IMG_0042.jpg");
        a.add(e);
      }
      b.add("attachments", a);
    }
    return b;
  }
}
