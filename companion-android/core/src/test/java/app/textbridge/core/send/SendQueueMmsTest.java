package app.textbridge.core.send;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.textbridge.core.PhoneConfig;
import app.textbridge.core.mms.MmsPart;
import app.textbridge.core.model.FailureReason;
import app.textbridge.core.model.PartInfo;
import app.textbridge.core.model.SendRecord;
import app.textbridge.core.model.SendState;
import app.textbridge.core.model.SmsRecord;
import app.textbridge.core.model.StoreChange;
import app.textbridge.core.port.MmsSender.OutgoingMms;
import app.textbridge.core.port.SmsStore;
import app.textbridge.core.protocol.message.Message;
import app.textbridge.core.protocol.message.MessageType;
import app.textbridge.core.service.UploadService;
import app.textbridge.core.support.RecordingMmsSender;
import app.textbridge.core.support.StderrLog;
import app.textbridge.core.testutil.ManualTime;
import app.textbridge.core.testutil.RecordingPeer;
import app.textbridge.core.testutil.TestPorts;
import app.textbridge.core.testutil.Uploads;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pictures and group texts as one MMS (§9.9), with the same key rules as texts. */
class SendQueueMmsTest {
  private static final String[] THREE = {"+447700900123", "+447700900456", "07700 900789"};
  private static final String PHOTO = "upload-photo-0000000001";
  private final TestPorts ports = new TestPorts();
  private final PhoneConfig config = new PhoneConfig();
  private final ManualTime time = new ManualTime(1_700_000_000_000L);
  private final RecordingMmsSender mms = new RecordingMmsSender();
  private final RecordingPeer desktop = new RecordingPeer("aa", "send.mms");
  private final byte[] jpeg = Uploads.jpeg(40_000);
  private UploadService uploads;

  @BeforeEach
  void setUp() throws Exception {
    ports.mms = mms;
    ports.clock = time;
    ports.timers = time;
    uploads =
        new UploadService(
            ports.uploads, time, new StderrLog(true), config.uploadKeepMs, 1 << 26, 64);
    upload(desktop, PHOTO, jpeg, "image/jpeg");
  }

  private SendQueue queue() throws Exception {
    SendQueue q = new SendQueue(ports.ports(), config, uploads);
    q.recover();
    ports.sender.setReportSink(q);
    mms.setResultSink(q);
    return q;
  }

  private void upload(RecordingPeer who, String id, byte[] file, String mime) throws Exception {
    uploads.handle(who, Uploads.upload("u", id, file, 0, file.length, mime));
  }

  private static Message send(String key, String body, String[] to, String... attachments) {
    return Message.request(
        MessageType.SEND_REQUEST,
        "r-" + key.substring(0, 6),
        Uploads.send(key, body, to, attachments));
  }

  private static JsonObject status(RecordingPeer peer) {
    return peer.last(MessageType.SEND_STATUS).body();
  }

  @Test
  void aGroupOfThreeWithAPictureIsOneMmsToAllThree() throws Exception {
    SendQueue q = queue();
    String key = "key-mms-group-000001";
    q.request(desktop, send(key, "Look at this", THREE, PHOTO, "image/jpeg"));
    assertEquals("accepted", status(desktop).get("state").getAsString());
    assertEquals(1, mms.sent.size(), "exactly one hand-over");
    assertTrue(ports.sender.sent.isEmpty(), "no separate texts");
    OutgoingMms out = mms.sent.get(0);
    assertEquals(key, out.key);
    assertEquals(1, out.subId, "the default SIM");
    assertEquals(
        Arrays.asList("+447700900123", "+447700900456", "07700900789"), out.request.recipients());
    assertEquals("Look at this", out.request.text());
    MmsPart picture = out.request.parts().get(1);
    assertEquals("image/jpeg", picture.mimeType());
    assertEquals("IMG_0042.jpg", picture.name());
    assertArrayEquals(jpeg, picture.data(), "byte for byte as uploaded");
    assertTrue(out.pduLength() <= RecordingMmsSender.DEFAULT_MAX_MESSAGE_BYTES);

    mms.succeed(key, "mms:77");
    JsonObject sent = status(desktop);
    assertEquals("sent", sent.get("state").getAsString());
    assertEquals("mms:77", sent.get("messageId").getAsString());
    JsonObject parts = sent.getAsJsonObject("parts");
    assertEquals(3, parts.get("total").getAsInt(), "one part per recipient");
    assertEquals(3, parts.get("sent").getAsInt());
    assertEquals(key, q.sendKeyFor("mms:77"));
    assertEquals(0, time.pending(), "the result cancelled the deadline");
  }

  @Test
  void aTextToSeveralWithoutAttachmentsIsAGroupMmsAndOneRecipientStaysSms() throws Exception {
    SendQueue q = queue();
    q.request(desktop, send("key-mms-group-000002", "Dinner at 8?", THREE));
    assertEquals(1, mms.sent.size());
    assertEquals(3, mms.sent.get(0).request.recipients().size());
    assertEquals(2, mms.sent.get(0).request.parts().size(), "SMIL and text, no attachment");
    q.request(desktop, send("key-mms-single-00003", "Just you", new String[] {THREE[0]}));
    assertEquals(1, mms.sent.size());
    assertEquals(1, ports.sender.sent.size(), "a single-recipient text is still an SMS");
    q.request(
        desktop, send("key-mms-single-00004", "", new String[] {THREE[0]}, PHOTO, "image/jpeg"));
    assertEquals(2, mms.sent.size(), "a picture to one person is an MMS");
    assertNull(mms.sent.get(1).request.text(), "an empty body adds no text part");
  }

  @Test
  void tooLargeForTheSimFailsWithoutAHandOver() throws Exception {
    mms.limits(1, 40_100, 20);
    SendQueue q = queue();
    // The picture fits, the encoded message with its headers and SMIL does not.
    q.request(desktop, send("key-mms-large-000001", "", THREE, PHOTO, "image/jpeg"));
    JsonObject s = status(desktop);
    assertEquals("failed", s.get("state").getAsString());
    assertEquals("mms_too_large", s.get("reason").getAsString());
    assertTrue(s.get("detail").getAsString().contains("40100"), s.toString());
    mms.limits(1, 30_000, 20);
    q.request(desktop, send("key-mms-large-000002", "hi", THREE, PHOTO, "image/jpeg"));
    assertEquals("mms_too_large", status(desktop).get("reason").getAsString());
    assertTrue(mms.sent.isEmpty());
  }

  @Test
  void aMissingIncompleteMistypedOrForeignUploadIsAttachmentMissing() throws Exception {
    SendQueue q = queue();
    byte[] half = Uploads.jpeg(1000);
    uploads.handle(
        desktop, Uploads.upload("u", "upload-half-000000001", half, 0, 500, "image/jpeg"));
    RecordingPeer other = new RecordingPeer("bb", "send.mms");
    upload(other, "upload-other-00000001", half, "image/jpeg");
    String[][] cases = {
      {"upload-none-000000001", "image/jpeg"},
      {"upload-half-000000001", "image/jpeg"},
      {PHOTO, "image/png"},
      {"upload-other-00000001", "image/jpeg"},
    };
    for (int i = 0; i < cases.length; i++) {
      q.request(desktop, send("key-mms-missing-0000" + i, "x", THREE, cases[i][0], cases[i][1]));
      JsonObject s = status(desktop);
      assertEquals("failed", s.get("state").getAsString());
      assertEquals("attachment_missing", s.get("reason").getAsString(), "case " + i);
    }
    assertTrue(mms.sent.isEmpty());

    // A desktop without send.mms is told generic_failure, the real reason in the detail.
    RecordingPeer old = new RecordingPeer("aa");
    q.request(
        old, send("key-mms-missing-00009", "x", THREE, "upload-none-000000001", "image/jpeg"));
    JsonObject s = status(old);
    assertEquals("generic_failure", s.get("reason").getAsString());
    assertTrue(s.get("detail").getAsString().startsWith("attachment_missing"));
  }

  @Test
  void aRepeatedKeyAnswersItsStatusAndNeverSendsAgain() throws Exception {
    SendQueue q = queue();
    String key = "key-mms-repeat-00001";
    q.request(desktop, send(key, "once", THREE, PHOTO, "image/jpeg"));
    ports.uploads.delete("aa", PHOTO); // the repeat must not look at the uploads
    q.request(desktop, send(key, "once", THREE, PHOTO, "image/jpeg"));
    assertEquals("accepted", status(desktop).get("state").getAsString());
    mms.succeed(key, null);
    q.request(desktop, send(key, "once", THREE, PHOTO, "image/jpeg"));
    assertEquals("sent", status(desktop).get("state").getAsString());
    assertEquals(1, mms.sent.size());
    // After a restart, too.
    queue().request(desktop, send(key, "once", THREE, PHOTO, "image/jpeg"));
    assertEquals("sent", status(desktop).get("state").getAsString());
    assertEquals(1, mms.sent.size());
  }

  @Test
  void aKeyRecordedButNotHandedOverBeforeACrashIsUnknown() throws Exception {
    String key = "key-mms-crash-000001";
    ports.sendJournal.insert(
        SendRecord.accepted(key, Arrays.asList(THREE), Digests.mms("x"), null, time.nowMillis()));
    SendQueue q = queue();
    assertEquals(SendState.UNKNOWN, ports.sendJournal.find(key).get().state);
    q.request(desktop, send(key, "x", THREE, PHOTO, "image/jpeg"));
    assertEquals("unknown", status(desktop).get("state").getAsString());
    assertTrue(mms.sent.isEmpty(), "never resent");
  }

  @Test
  void aResultThatNeverComesBecomesUnknownAtTheDeadline() throws Exception {
    SendQueue q = queue();
    String key = "key-mms-silent-00001";
    q.request(desktop, send(key, "hello?", THREE));
    time.advance(config.mmsResultDeadlineMs - 1);
    assertEquals(SendState.ACCEPTED, ports.sendJournal.find(key).get().state);
    time.advance(1);
    assertEquals("unknown", status(desktop).get("state").getAsString());
    // A late result changes nothing but still names the row.
    mms.succeed(key, "mms:90");
    assertEquals(SendState.UNKNOWN, ports.sendJournal.find(key).get().state);
    assertEquals(key, q.sendKeyFor("mms:90"));
    assertEquals(1, mms.sent.size());
  }

  @Test
  void aDeadlineSurvivesARestart() throws Exception {
    String key = "key-mms-restart-0001";
    queue().request(desktop, send(key, "hello?", THREE));
    // The process dies half-way through the wait: its timers go with it.
    ManualTime later = new ManualTime(time.nowMillis() + config.mmsResultDeadlineMs / 2);
    ports.clock = later;
    ports.timers = later;
    queue();
    later.advance(config.mmsResultDeadlineMs / 2 - 1);
    assertEquals(SendState.ACCEPTED, ports.sendJournal.find(key).get().state);
    later.advance(1);
    assertEquals(SendState.UNKNOWN, ports.sendJournal.find(key).get().state);
    assertEquals(1, mms.sent.size());
  }

  @Test
  void failuresAndRefusalsCarryTheirReason() throws Exception {
    SendQueue q = queue();
    q.request(desktop, send("key-mms-fail-0000001", "x", THREE));
    mms.fail("key-mms-fail-0000001", FailureReason.NO_SERVICE, "MMS error 4, HTTP 503");
    JsonObject s = status(desktop);
    assertEquals("failed", s.get("state").getAsString());
    assertEquals("no_service", s.get("reason").getAsString());
    assertEquals("MMS error 4, HTTP 503", s.get("detail").getAsString());

    mms.refuseWith(FailureReason.NO_PERMISSION);
    q.request(desktop, send("key-mms-fail-0000002", "x", THREE));
    assertEquals("no_permission", status(desktop).get("reason").getAsString());
    mms.refuseWith(null);

    mms.limits(1, 300_000, 2);
    q.request(desktop, send("key-mms-fail-0000003", "x", THREE));
    assertEquals("group_unsupported", status(desktop).get("reason").getAsString());
    assertEquals(1, mms.sent.size());
  }

  @Test
  void withoutAnMmsSenderPicturesAndGroupsAreRefused() throws Exception {
    ports.mms = null;
    SendQueue q = new SendQueue(ports.ports(), config, null);
    q.request(desktop, send("key-no-mms-000000001", "x", THREE));
    assertEquals("group_unsupported", status(desktop).get("reason").getAsString());
    q.request(
        desktop, send("key-no-mms-000000002", "", new String[] {THREE[0]}, PHOTO, "image/jpeg"));
    assertEquals("mms_unsupported", status(desktop).get("reason").getAsString());
    assertTrue(ports.sender.sent.isEmpty());
  }

  @Test
  void theProvidersMmsRowIsLinkedAndATextRowIsNot() throws Exception {
    SendQueue q = queue();
    String key = "key-mms-link-0000001";
    q.request(desktop, send(key, "Same words", THREE, PHOTO, "image/jpeg"));
    q.onProviderRow(row("sms:5", SmsRecord.Kind.SMS, "Same words", THREE[0]));
    assertNull(q.sendKeyFor("sms:5"), "a text with the same words is another message");
    q.onProviderRow(row("mms:6", SmsRecord.Kind.MMS, "Same words", THREE));
    assertEquals(key, q.sendKeyFor("mms:6"));
    assertEquals("mms:6", status(desktop).get("messageId").getAsString());
    q.onProviderRow(row("mms:7", SmsRecord.Kind.MMS, "Same words", THREE));
    assertNull(q.sendKeyFor("mms:7"), "one MMS has one row");
  }

  /** The store's delivery reports go to the queue, as PhoneCore wires them. */
  private void deliveriesTo(SendQueue q) {
    ports.store.setListener(
        new SmsStore.Listener() {
          @Override
          public void onChange(StoreChange change) {}

          @Override
          public void onMmsDelivery(String sentMessageId, String recipient, boolean delivered) {
            try {
              q.onMmsDelivery(sentMessageId, recipient, delivered);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
        });
  }

  private static int delivered(JsonObject status) {
    return status.getAsJsonObject("parts").get("delivered").getAsInt();
  }

  @Test
  void aGroupMmsIsDeliveredOnceEveryRecipientsReportSaysSo() throws Exception {
    SendQueue q = queue();
    deliveriesTo(q);
    String key = "key-mms-deliver-0001";
    q.request(desktop, send(key, "Dinner at 8?", THREE));
    assertTrue(mms.sent.get(0).request.deliveryReport(), "the send asks for delivery reports");
    mms.succeed(key, "mms:40");
    assertEquals("sent", status(desktop).get("state").getAsString());

    ports.store.mmsDelivered("mms:40", "447700900123", true); // as the carrier writes it
    assertEquals("sent", status(desktop).get("state").getAsString());
    assertEquals(1, delivered(status(desktop)));
    int told = desktop.sent.size();
    ports.store.mmsDelivered("mms:40", "+447700900123", true); // the same report again
    assertEquals(told, desktop.sent.size(), "a duplicate changes nothing");
    ports.store.mmsDelivered("mms:41", "+447700900456", true); // someone else's MMS
    ports.store.mmsDelivered("mms:40", "+447700900999", true); // not a recipient
    assertEquals(told, desktop.sent.size());
    ports.store.mmsDelivered("mms:40", "+447700900456", true);
    assertEquals("sent", status(desktop).get("state").getAsString(), "two of three");
    assertEquals(2, delivered(status(desktop)));
    ports.store.mmsDelivered("mms:40", "+447700900789", true);
    JsonObject done = status(desktop);
    assertEquals("delivered", done.get("state").getAsString());
    assertEquals(3, delivered(done));
    assertEquals(SendState.DELIVERED, ports.sendJournal.find(key).get().state);

    told = desktop.sent.size();
    ports.store.mmsDelivered("mms:40", "+447700900789", false); // a late, contrary report
    assertEquals(told, desktop.sent.size(), "never moves backwards");
    assertEquals(SendState.DELIVERED, ports.sendJournal.find(key).get().state);
  }

  @Test
  void aRejectedReportLeavesTheMmsSent() throws Exception {
    SendQueue q = queue();
    deliveriesTo(q);
    String key = "key-mms-deliver-0002";
    q.request(desktop, send(key, "Dinner at 8?", THREE));
    mms.succeed(key, "mms:50");
    ports.store.mmsDelivered("mms:50", "+447700900123", true);
    ports.store.mmsDelivered("mms:50", "+447700900456", false); // rejected or unreachable
    ports.store.mmsDelivered("mms:50", "+447700900789", true);
    JsonObject s = status(desktop);
    assertEquals("sent", s.get("state").getAsString(), "it did leave: not failed");
    assertEquals(2, delivered(s));
    assertEquals(SendState.SENT, ports.sendJournal.find(key).get().state);
  }

  private SmsRecord row(String id, SmsRecord.Kind kind, String body, String... to) {
    return new SmsRecord(
        id,
        kind,
        4L,
        SmsRecord.Box.SENT,
        Arrays.asList(to),
        null,
        time.nowMillis(),
        null,
        body,
        true,
        SmsRecord.DeliveryStatus.NONE,
        1,
        Collections.<PartInfo>emptyList());
  }
}
