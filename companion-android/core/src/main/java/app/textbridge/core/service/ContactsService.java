package app.textbridge.core.service;

import app.textbridge.core.crypto.Bytes;
import app.textbridge.core.model.Contact;
import app.textbridge.core.model.ContactPage;
import app.textbridge.core.port.ContactsSource;
import app.textbridge.core.protocol.message.Message;
import app.textbridge.core.protocol.message.MessageType;
import app.textbridge.core.session.RequestException;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;

/**
 * {@code contacts.request} → {@code contacts.batch} (PROTOCOL.md §9.8). Cursor {@code c:<id>}
 * continues after that contact. A photo whose base64 exceeds 32,768 characters is sent as null.
 * Pages stay under the frame budget (500 photos would not).
 */
public final class ContactsService {
  private static final int MAX_PHOTO_CHARS = 32_768;
  private final ContactsSource source;
  private final long budget;

  public ContactsService(ContactsSource source, long budgetBytes) {
    this.source = source;
    this.budget = budgetBytes;
  }

  public Message handle(Message request) throws IOException, RequestException {
    JsonObject b = request.body();
    String after = null;
    if (!b.get("cursor").isJsonNull()) {
      String cursor = b.get("cursor").getAsString();
      if (!cursor.startsWith("c:") || cursor.length() < 3) {
        throw new RequestException(RequestException.Code.BAD_REQUEST, "bad cursor");
      }
      after = cursor.substring(2);
    }
    int limit = b.get("limit").getAsInt();
    ContactPage page = source.page(after, limit, b.get("photos").getAsBoolean());
    JsonArray contacts = new JsonArray();
    long used = 0;
    String lastId = null;
    boolean cut = false;
    for (Contact c : page.contacts) {
      JsonObject json = toJson(c);
      if (json == null) continue;
      long size = json.toString().length() * 3L;
      if (contacts.size() >= limit || (contacts.size() > 0 && used + size > budget)) {
        cut = true;
        break;
      }
      contacts.add(json);
      used += size;
      lastId = c.id;
    }
    JsonObject out = new JsonObject();
    out.add("contacts", contacts);
    boolean more = cut || page.nextKey != null;
    out.addProperty("cursor", more && lastId != null ? "c:" + lastId : null);
    out.addProperty("total", source.count());
    return Message.reply(MessageType.CONTACTS_BATCH, request.id, out);
  }

  /** The wire shape, or null for a contact that cannot be sent (no usable number). */
  static JsonObject toJson(Contact c) {
    JsonArray numbers = new JsonArray();
    for (Contact.Number n : c.numbers) {
      if (n.number.isEmpty() || n.number.length() > 64 || numbers.size() >= 20) continue;
      JsonObject o = new JsonObject();
      o.addProperty("number", n.number);
      o.addProperty("type", n.type);
      o.addProperty("label", n.label == null || n.label.length() > 64 ? null : n.label);
      numbers.add(o);
    }
    if (numbers.size() == 0 || c.id.length() > 64 || c.name.isEmpty()) return null;
    JsonObject o = new JsonObject();
    o.addProperty("id", c.id);
    o.addProperty("name", c.name.length() > 256 ? c.name.substring(0, 256) : c.name);
    o.add("numbers", numbers);
    String photo = c.photoJpeg == null ? null : Bytes.base64(c.photoJpeg);
    o.addProperty("photo", photo == null || photo.length() > MAX_PHOTO_CHARS ? null : photo);
    return o;
  }

  /** The push for "contacts changed": an empty body, the desktop asks again. */
  public static Message changed() {
    return Message.of(MessageType.CONTACTS_CHANGED, new JsonObject());
  }
}
