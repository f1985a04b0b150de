package app.textbridge.runner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.textbridge.core.crypto.KeyPair;
import app.textbridge.core.crypto.Nacl;
import app.textbridge.core.protocol.QrPayload;
import app.textbridge.core.protocol.message.Message;
import app.textbridge.core.protocol.message.MessageType;
import app.textbridge.core.testutil.DesktopClient;
import app.textbridge.core.testutil.Uploads;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * --group-send: the JVM phone sends MMS as a phone does. A picture uploaded in chunks goes to three
 * people as one MMS, whose sent row (kind mms, all three, the text, the part, the sendKey) is
 * synced back and whose part can be fetched.
 */
@Timeout(60)
class GroupSendTest {
  @TempDir Path tmp;

  private static List<String> strings(JsonArray a) {
    List<String> out = new ArrayList<>();
    for (JsonElement e : a) out.add(e.getAsString());
    return out;
  }

  @Test
  void aPictureToThreeIsOneMmsSyncedBackWithItsPart() throws Exception {
    Options o =
        Options.parse(
            new String[] {
              "--port", "0", "--state", tmp.toString(), "--group-send", "--mms-max-bytes", "600000"
            });
    try (Runner runner = new Runner(o, new Events(new PrintStream(new ByteArrayOutputStream())))) {
      KeyPair desktop = KeyPair.generate();
      byte[] pid = Nacl.randomBytes(16);
      byte[] secret = Nacl.randomBytes(32);
      runner.scan(
          QrPayload.encode(
              pid, desktop.publicKey(), secret, System.currentTimeMillis() / 1000 + 120, "Desk"));
      DesktopClient c = DesktopClient.open(runner.port);
      c.extraCapabilities = new String[] {"send.mms", "send.waiting"};
      c.pair(desktop, pid, secret, "Desk");
      JsonObject hello = c.awaitType(MessageType.HELLO, 5000).body();
      assertTrue(
          strings(hello.getAsJsonArray("capabilities"))
              .containsAll(Arrays.asList("send.mms", "send.group")));
      for (JsonElement sim : hello.getAsJsonArray("sims")) {
        assertEquals(600_000, sim.getAsJsonObject().get("mmsMaxBytes").getAsInt());
      }
      c.awaitType(MessageType.PAIR_RESULT, 5000);
      JsonObject sub = new JsonObject();
      sub.add("watermark", JsonNull.INSTANCE);
      c.awaitReply(c.request(MessageType.SYNC_SUBSCRIBE, sub), 5000);

      byte[] jpeg = Uploads.jpeg(300_000);
      String upload = "runner-upload-00000001";
      for (int at = 0; at < jpeg.length; at += 196_608) {
        int end = Math.min(jpeg.length, at + 196_608);
        String id =
            c.request(
                MessageType.ATTACHMENT_UPLOAD,
                Uploads.chunk(
                    upload,
                    at,
                    jpeg.length,
                    "image/jpeg",
                    "IMG_0042.jpg",
                    Arrays.copyOfRange(jpeg, at, end)));
        assertEquals(end, c.awaitReply(id, 5000).body().get("received").getAsInt());
      }

      String key = "runner-group-key-000001";
      String[] to = {"+15550001111", "+15550002222", "+15550003333"};
      String req =
          c.request(
              MessageType.SEND_REQUEST,
              Uploads.send(key, "Us at the lake", to, upload, "image/jpeg"));
      assertEquals("accepted", c.awaitReply(req, 5000).body().get("state").getAsString());
      Message sent = null;
      JsonObject row = null;
      while (sent == null || row == null) {
        Message m =
            c.await(
                x -> x.type == MessageType.SEND_STATUS || x.type == MessageType.MESSAGE_NEW, 5000);
        if (m.type == MessageType.SEND_STATUS) {
          if (m.body().get("state").getAsString().equals("sent")) sent = m;
        } else {
          row = m.body().getAsJsonObject("message");
        }
      }
      assertEquals(3, sent.body().getAsJsonObject("parts").get("total").getAsInt());
      assertEquals(row.get("id").getAsString(), sent.body().get("messageId").getAsString());

      assertEquals("mms", row.get("kind").getAsString());
      assertEquals("sent", row.get("box").getAsString());
      assertEquals(Arrays.asList(to), strings(row.getAsJsonArray("addresses")));
      assertTrue(row.get("sender").isJsonNull());
      assertEquals("Us at the lake", row.get("body").getAsString());
      assertEquals(key, row.get("sendKey").getAsString());
      JsonArray parts = row.getAsJsonArray("parts");
      assertEquals(1, parts.size(), "the picture; the SMIL and the text are not parts");
      JsonObject part = parts.get(0).getAsJsonObject();
      assertEquals(row.get("id").getAsString() + ":1", part.get("partId").getAsString());
      assertEquals("image/jpeg", part.get("mime").getAsString());
      assertEquals("IMG_0042.jpg", part.get("name").getAsString());
      assertEquals(jpeg.length, part.get("size").getAsInt());

      ByteArrayOutputStream fetched = new ByteArrayOutputStream();
      while (fetched.size() < jpeg.length) {
        JsonObject ask = new JsonObject();
        ask.addProperty("partId", part.get("partId").getAsString());
        ask.addProperty("offset", fetched.size());
        ask.addProperty("length", 196_608);
        JsonObject chunk =
            c.awaitReply(c.request(MessageType.ATTACHMENT_REQUEST, ask), 5000).body();
        byte[] data = Base64.getDecoder().decode(chunk.get("data").getAsString());
        assertFalse(data.length == 0);
        fetched.write(data);
      }
      assertArrayEquals(jpeg, fetched.toByteArray());
      c.closeBlocking();
    }
  }

  @Test
  void withoutTheFlagTheRunnerOffersNoMms() throws Exception {
    Options o = Options.parse(new String[] {"--port", "0", "--state", tmp.toString()});
    try (Runner runner = new Runner(o, new Events(new PrintStream(new ByteArrayOutputStream())))) {
      KeyPair desktop = KeyPair.generate();
      byte[] pid = Nacl.randomBytes(16);
      byte[] secret = Nacl.randomBytes(32);
      runner.scan(
          QrPayload.encode(
              pid, desktop.publicKey(), secret, System.currentTimeMillis() / 1000 + 120, "Desk"));
      DesktopClient c = DesktopClient.open(runner.port);
      c.pair(desktop, pid, secret, "Desk");
      List<String> caps =
          strings(c.awaitType(MessageType.HELLO, 5000).body().getAsJsonArray("capabilities"));
      assertFalse(caps.contains("send.mms") || caps.contains("send.group"), caps.toString());
      c.closeBlocking();
    }
  }
}
