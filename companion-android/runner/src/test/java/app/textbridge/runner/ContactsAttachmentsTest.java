package app.textbridge.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.textbridge.core.crypto.KeyPair;
import app.textbridge.core.crypto.Nacl;
import app.textbridge.core.model.Contact;
import app.textbridge.core.protocol.QrPayload;
import app.textbridge.core.protocol.message.Message;
import app.textbridge.core.protocol.message.MessageType;
import app.textbridge.core.testutil.DesktopClient;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** contacts.request paging with photos, contacts.changed, attachment chunks, not_found. */
@Timeout(60)
class ContactsAttachmentsTest {
  @TempDir Path tmp;

  private DesktopClient paired(Runner runner) throws Exception {
    KeyPair desktop = KeyPair.generate();
    byte[] id = Nacl.randomBytes(16);
    byte[] secret = Nacl.randomBytes(32);
    runner.scan(
        QrPayload.encode(
            id, desktop.publicKey(), secret, System.currentTimeMillis() / 1000 + 120, "Desk"));
    DesktopClient c = DesktopClient.open(runner.port);
    c.pair(desktop, id, secret, "Desk");
    c.awaitType(MessageType.PAIR_RESULT, 5000);
    return c;
  }

  @Test
  void contactsAndAttachments() throws Exception {
    Options o = Options.parse(new String[] {"--port", "0", "--state", tmp.toString()});
    try (Runner runner = new Runner(o, new Events(new PrintStream(new ByteArrayOutputStream())))) {
      byte[] photo = new byte[1000];
      runner.history.contacts.add(
          new Contact(
              "c:9",
              "Photo Person",
              Collections.singletonList(new Contact.Number("+15559990000", "work", "Desk phone")),
              photo));
      byte[] huge = new byte[30_000];
      runner.history.contacts.add(
          new Contact(
              "c:10",
              "Huge Photo",
              Collections.singletonList(new Contact.Number("+15559990001", "home", null)),
              huge));
      DesktopClient c = paired(runner);

      int seen = 0;
      JsonElement cursor = JsonNull.INSTANCE;
      do {
        JsonObject req = new JsonObject();
        req.add("cursor", cursor);
        req.addProperty("limit", 2);
        req.addProperty("photos", true);
        JsonObject batch = c.awaitReply(c.request(MessageType.CONTACTS_REQUEST, req), 5000).body();
        assertEquals(5, batch.get("total").getAsInt());
        for (JsonElement e : batch.getAsJsonArray("contacts")) {
          JsonObject ct = e.getAsJsonObject();
          seen++;
          if (ct.get("id").getAsString().equals("c:9")) {
            assertEquals(Base64.getEncoder().encodeToString(photo), ct.get("photo").getAsString());
          }
          if (ct.get("id").getAsString().equals("c:10")) {
            assertTrue(
                ct.get("photo").isJsonNull(), "photos over 32,768 base64 characters are left out");
          }
        }
        cursor = batch.get("cursor");
      } while (!cursor.isJsonNull());
      assertEquals(5, seen);

      runner.history.contacts.changed();
      c.awaitType(MessageType.CONTACTS_CHANGED, 5000);

      byte[] png = Base64.getDecoder().decode(BuiltinHistory.DOT_PNG);
      StringBuilder got = new StringBuilder();
      for (int offset = 0; offset < png.length; offset += 32) {
        JsonObject req = new JsonObject();
        req.addProperty("partId", "mms:1:1");
        req.addProperty("offset", offset);
        req.addProperty("length", 32);
        JsonObject chunk =
            c.awaitReply(c.request(MessageType.ATTACHMENT_REQUEST, req), 5000).body();
        assertEquals(png.length, chunk.get("total").getAsInt());
        assertEquals("image/png", chunk.get("mime").getAsString());
        for (byte b : Base64.getDecoder().decode(chunk.get("data").getAsString()))
          got.append((char) (b & 0xff));
      }
      assertEquals(png.length, got.length());
      for (int i = 0; i < png.length; i++) assertEquals(png[i] & 0xff, got.charAt(i));

      JsonObject missing = new JsonObject();
      missing.addProperty("partId", "mms:404:1");
      missing.addProperty("offset", 0);
      missing.addProperty("length", 10);
      Message err = c.awaitReply(c.request(MessageType.ATTACHMENT_REQUEST, missing), 5000);
      assertEquals(MessageType.ERROR, err.type);
      assertEquals("not_found", err.body().get("code").getAsString());
      c.closeBlocking();
    }
  }
}
