package app.textbridge.core.service;

import app.textbridge.core.crypto.Bytes;
import app.textbridge.core.model.PartData;
import app.textbridge.core.port.SmsStore;
import app.textbridge.core.protocol.message.Message;
import app.textbridge.core.protocol.message.MessageType;
import app.textbridge.core.session.RequestException;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.Optional;

/** {@code attachment.request} → {@code attachment.chunk} (PROTOCOL.md §9.10). */
public final class AttachmentService {
  private final SmsStore store;

  public AttachmentService(SmsStore store) {
    this.store = store;
  }

  public Message handle(Message request) throws IOException, RequestException {
    JsonObject b = request.body();
    String partId = b.get("partId").getAsString();
    long offset = b.get("offset").getAsLong();
    int length = b.get("length").getAsInt();
    Optional<PartData> data = store.readPart(partId, offset, length);
    if (!data.isPresent()) {
      throw new RequestException(RequestException.Code.NOT_FOUND, "no such part");
    }
    PartData d = data.get();
    byte[] bytes = d.bytes;
    if (bytes.length > length) {
      byte[] cut = new byte[length];
      System.arraycopy(bytes, 0, cut, 0, length);
      bytes = cut;
    }
    JsonObject out = new JsonObject();
    out.addProperty("partId", partId);
    out.addProperty("offset", offset);
    out.addProperty("total", d.total);
    out.addProperty(
        "mime", d.mime.isEmpty() || d.mime.length() > 100 ? "application/octet-stream" : d.mime);
    out.addProperty("data", Bytes.base64(bytes));
    return Message.reply(MessageType.ATTACHMENT_CHUNK, request.id, out);
  }
}
