package app.textbridge.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.textbridge.core.crypto.KeyPair;
import app.textbridge.core.model.PartInfo;
import app.textbridge.core.model.SimCard;
import app.textbridge.core.model.SmsRecord;
import app.textbridge.core.protocol.message.Message;
import app.textbridge.core.protocol.message.MessageType;
import app.textbridge.core.support.RecordingMmsSender;
import app.textbridge.core.testutil.DesktopClient;
import app.textbridge.core.testutil.PhoneFixture;
import app.textbridge.core.testutil.TestPorts;
import app.textbridge.core.testutil.Uploads;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * MMS through the whole core over a socket: what hello offers, uploads by chunk, one group MMS for
 * a picture to three, its provider row pushed with its sendKey, and uploads gone on unpair.
 */
@Timeout(60)
class PhoneMmsTest {
  private static final String PHOTO = "upload-photo-0000000001";

  /** The phone's hello, read while pairing (it comes before pair.result). */
  private JsonObject hello;

  private DesktopClient pair(PhoneFixture phone, KeyPair desktop, String... caps) throws Exception {
    PhoneFixture.Qr qr = phone.scanNewQr(desktop);
    DesktopClient c = DesktopClient.open(phone.port);
    c.extraCapabilities = caps;
    c.pair(desktop, qr.pairingId, qr.secret, "Test desktop");
    hello = c.awaitType(MessageType.HELLO, 5000).body();
    assertTrue(c.awaitType(MessageType.PAIR_RESULT, 5000).body().get("accepted").getAsBoolean());
    return c;
  }

  private static List<String> strings(JsonArray a) {
    List<String> out = new ArrayList<>();
    for (JsonElement e : a) out.add(e.getAsString());
    return out;
  }

  @Test
  void withAnMmsSenderTheHelloOffersMmsAndGroupsWithEachSimsLimit() throws Exception {
    TestPorts ports = new TestPorts();
    ports.sims.add(new SimCard(2, 1, "Work", null, null, false));
    ports.mms = new RecordingMmsSender().limits(1, 614_400, 20);
    try (PhoneFixture phone = new PhoneFixture(ports, new PhoneConfig())) {
      pair(phone, KeyPair.generate());
      List<String> caps = strings(hello.getAsJsonArray("capabilities"));
      assertTrue(caps.containsAll(Arrays.asList("send.mms", "send.group")), caps.toString());
      JsonArray sims = hello.getAsJsonArray("sims");
      assertEquals(614_400, sims.get(0).getAsJsonObject().get("mmsMaxBytes").getAsLong());
      assertEquals(
          RecordingMmsSender.DEFAULT_MAX_MESSAGE_BYTES,
          sims.get(1).getAsJsonObject().get("mmsMaxBytes").getAsLong(),
          "the default where the carrier states none");
    }
  }

  @Test
  void withoutOneNeitherIsOfferedAndUploadsAreRefused() throws Exception {
    try (PhoneFixture phone = new PhoneFixture(new PhoneConfig())) {
      DesktopClient c = pair(phone, KeyPair.generate(), "send.mms");
      List<String> caps = strings(hello.getAsJsonArray("capabilities"));
      assertFalse(caps.contains("send.mms") || caps.contains("send.group"), caps.toString());
      assertFalse(hello.getAsJsonArray("sims").get(0).getAsJsonObject().has("mmsMaxBytes"));
      byte[] file = Uploads.jpeg(100);
      String id =
          c.request(
              MessageType.ATTACHMENT_UPLOAD,
              Uploads.chunk(PHOTO, 0, 100, "image/jpeg", null, file));
      Message error = c.awaitReply(id, 5000);
      assertEquals(MessageType.ERROR, error.type);
      assertEquals("bad_request", error.body().get("code").getAsString());
    }
  }

  @Test
  void aPictureToThreeGoesAsOneMmsAndItsRowComesBackWithItsKey() throws Exception {
    TestPorts ports = new TestPorts();
    RecordingMmsSender mms = new RecordingMmsSender();
    ports.mms = mms;
    try (PhoneFixture phone = new PhoneFixture(ports, new PhoneConfig())) {
      KeyPair desktop = KeyPair.generate();
      DesktopClient c = pair(phone, desktop, "send.mms", "send.waiting");
      JsonObject sub = new JsonObject();
      sub.add("watermark", JsonNull.INSTANCE);
      c.awaitReply(c.request(MessageType.SYNC_SUBSCRIBE, sub), 5000);

      byte[] file = Uploads.jpeg(250_000);
      int[] cuts = {0, 196_608, 250_000};
      for (int i = 0; i + 1 < cuts.length; i++) {
        String id =
            c.request(
                MessageType.ATTACHMENT_UPLOAD,
                Uploads.chunk(
                    PHOTO,
                    cuts[i],
                    file.length,
                    "image/jpeg",
                    "IMG_0042.jpg",
                    Arrays.copyOfRange(file, cuts[i], cuts[i + 1])));
        Message stored = c.awaitReply(id, 5000);
        assertEquals(MessageType.ATTACHMENT_STORED, stored.type);
        assertEquals(cuts[i + 1], stored.body().get("received").getAsInt());
      }

      String key = "key-phone-mms-000001";
      String[] to = {"+447700900123", "+447700900456", "+447700900789"};
      String req =
          c.request(MessageType.SEND_REQUEST, Uploads.send(key, "Look", to, PHOTO, "image/jpeg"));
      assertEquals("accepted", c.awaitReply(req, 5000).body().get("state").getAsString());
      // "accepted" goes out just before the hand-over, on the session's thread.
      for (long end = System.currentTimeMillis() + 5000;
          mms.sent.isEmpty() && System.currentTimeMillis() < end; ) {
        Thread.sleep(10);
      }
      assertEquals(1, mms.sent.size());
      assertEquals(3, mms.sent.get(0).request.recipients().size());

      // As the MMS service does: the sent row appears in the provider, then the result.
      SmsRecord row =
          new SmsRecord(
              "mms:12",
              SmsRecord.Kind.MMS,
              7L,
              SmsRecord.Box.SENT,
              Arrays.asList(to),
              null,
              System.currentTimeMillis(),
              null,
              "Look",
              true,
              SmsRecord.DeliveryStatus.NONE,
              1,
              Collections.singletonList(
                  new PartInfo("mms:12:1", "image/jpeg", null, "IMG_0042.jpg")));
      ports.store.add(row);
      Message pushed = c.awaitType(MessageType.MESSAGE_NEW, 5000);
      assertEquals(key, pushed.body().getAsJsonObject("message").get("sendKey").getAsString());
      mms.succeed(key, "mms:12");
      Message sent =
          c.await(
              m ->
                  m.type == MessageType.SEND_STATUS
                      && m.body().get("state").getAsString().equals("sent"),
              5000);
      assertEquals("mms:12", sent.body().get("messageId").getAsString());
      assertEquals(3, sent.body().getAsJsonObject("parts").get("total").getAsInt());

      // Unpaired by the phone's user: the desktop's uploads go too.
      assertEquals(1, ports.uploads.list().size());
      phone.core.unpair(DesktopClient.hex(desktop.publicKey()));
      assertTrue(ports.uploads.list().isEmpty());
    }
  }
}
