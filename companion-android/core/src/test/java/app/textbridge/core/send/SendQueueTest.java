package app.textbridge.core.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.textbridge.core.PhoneConfig;
import app.textbridge.core.model.FailureReason;
import app.textbridge.core.model.PartInfo;
import app.textbridge.core.model.SendState;
import app.textbridge.core.model.SmsRecord;
import app.textbridge.core.protocol.message.Message;
import app.textbridge.core.protocol.message.MessageType;
import app.textbridge.core.testutil.RecordingPeer;
import app.textbridge.core.testutil.TestPorts;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Send idempotency, recovery, multipart aggregation and linking (§9.9). */
class SendQueueTest {
  private final TestPorts ports = new TestPorts();
  private final PhoneConfig config = new PhoneConfig();
  private final RecordingPeer peer = new RecordingPeer("aa");

  private SendQueue queue() throws Exception {
    SendQueue q = new SendQueue(ports.ports(), config, null);
    q.recover();
    ports.sender.setReportSink(q);
    return q;
  }

  private static Message request(String key, String body, String... to) {
    JsonObject b = new JsonObject();
    b.addProperty("key", key);
    JsonArray list = new JsonArray();
    for (String t : to) list.add(t);
    b.add("to", list);
    b.addProperty("body", body);
    b.add("subId", JsonNull.INSTANCE);
    return Message.request(MessageType.SEND_REQUEST, "r-" + key.substring(0, 4), b);
  }

  private String lastState() {
    Message m = peer.sent.get(peer.sent.size() - 1);
    assertEquals(MessageType.SEND_STATUS, m.type);
    return m.body().get("state").getAsString();
  }

  @Test
  void keyIsJournalledBeforeTheSenderIsCalledAndNeverSentTwice() throws Exception {
    SendQueue q = queue();
    String key = "key-0000000000000001";
    AtomicBoolean recordedFirst = new AtomicBoolean();
    ports.sender.onSend = () -> recordedFirst.set(ports.sendJournal.find(key).isPresent());
    q.request(peer, request(key, "hello", "+15551234567"));
    assertTrue(recordedFirst.get(), "journal before the radio");
    assertEquals("accepted", lastState());
    q.request(peer, request(key, "hello", "+15551234567"));
    assertEquals(1, ports.sender.sent.size(), "a repeated key never sends again");
    assertEquals("accepted", lastState());
    ports.sender.sink.partSent(key, 0, 0, 1);
    assertEquals("sent", lastState());
    ports.sender.sink.partDelivered(key, 0, 0, 1);
    assertEquals("delivered", lastState());
    ports.sender.sink.partFailed(key, 0, 0, 1, FailureReason.NO_SERVICE, null);
    assertEquals("delivered", lastState(), "states only move forward");
  }

  @Test
  void recordedButNeverHandedOverBecomesUnknownAndIsNotResent() throws Exception {
    String key = "key-0000000000000002";
    ports.sendJournal.insert(
        app.textbridge.core.model.SendRecord.accepted(
            key,
            Collections.singletonList("+15551234567"),
            SendQueue.digest("x"),
            null,
            System.currentTimeMillis()));
    SendQueue q = queue();
    assertEquals(SendState.UNKNOWN, ports.sendJournal.find(key).get().state);
    q.request(peer, request(key, "x", "+15551234567"));
    assertEquals("unknown", lastState());
    assertTrue(ports.sender.sent.isEmpty());
  }

  @Test
  void multipartAggregates() throws Exception {
    SendQueue q = queue();
    ports.sender.partsPerText = 3;
    String key = "key-0000000000000003";
    q.request(peer, request(key, "long text", "+15551234567"));
    ports.sender.sink.partSent(key, 0, 0, 1);
    ports.sender.sink.partSent(key, 0, 2, 1);
    assertEquals("accepted", lastState());
    assertEquals(
        2,
        peer.sent.get(peer.sent.size() - 1).body().getAsJsonObject("parts").get("sent").getAsInt());
    ports.sender.sink.partSent(key, 0, 1, 1);
    assertEquals("sent", lastState());
    ports.sender.sink.partDelivered(key, 0, 0, 1);
    ports.sender.sink.partDelivered(key, 0, 1, 1);
    assertEquals("sent", lastState());
    ports.sender.sink.partDelivered(key, 0, 2, 1);
    assertEquals("delivered", lastState());

    String other = "key-0000000000000004";
    q.request(peer, request(other, "long text 2", "+15551234567"));
    ports.sender.sink.partSent(other, 0, 0, 1);
    ports.sender.sink.partFailed(other, 0, 1, 1, FailureReason.RADIO_OFF, "radio error 2");
    Message failed = peer.sent.get(peer.sent.size() - 1);
    assertEquals("failed", failed.body().get("state").getAsString());
    assertEquals("radio_off", failed.body().get("reason").getAsString());
    ports.sender.sink.partSent(other, 0, 1, 1);
    assertEquals("failed", lastState());
  }

  @Test
  void groupWithoutMmsAndRateLimitFail() throws Exception {
    SendQueue q = queue();
    q.request(peer, request("key-0000000000000005", "hi", "+1555", "+1666"));
    Message m = peer.sent.get(peer.sent.size() - 1);
    assertEquals("failed", m.body().get("state").getAsString());
    assertEquals("group_unsupported", m.body().get("reason").getAsString());
    assertTrue(ports.sender.sent.isEmpty());

    ports.sender.failWith(FailureReason.LIMIT_EXCEEDED);
    q.request(peer, request("key-0000000000000006", "hi", "+1555"));
    assertEquals(
        "limit_exceeded", peer.sent.get(peer.sent.size() - 1).body().get("reason").getAsString());
    ports.sender.refuse = null;
    q.request(peer, request("key-0000000000000007", "hi again", "+1555"));
    ports.sender.sink.partFailed(
        "key-0000000000000007", 0, 0, 1, FailureReason.LIMIT_EXCEEDED, null);
    assertEquals(
        "limit_exceeded", peer.sent.get(peer.sent.size() - 1).body().get("reason").getAsString());
  }

  @Test
  void providerSentRowIsLinkedToTheKey() throws Exception {
    SendQueue q = queue();
    String key = "key-0000000000000009";
    q.request(peer, request(key, "On my way", "+447700900123"));
    SmsRecord unrelated =
        new SmsRecord(
            "sms:40",
            SmsRecord.Kind.SMS,
            3L,
            SmsRecord.Box.SENT,
            Collections.singletonList("+447700900123"),
            null,
            System.currentTimeMillis(),
            null,
            "Something else",
            true,
            SmsRecord.DeliveryStatus.NONE,
            1,
            Collections.<PartInfo>emptyList());
    q.onProviderRow(unrelated);
    SmsRecord row =
        new SmsRecord(
            "sms:41",
            SmsRecord.Kind.SMS,
            3L,
            SmsRecord.Box.SENT,
            Collections.singletonList("07700 900123"),
            null,
            System.currentTimeMillis(),
            null,
            "On my way",
            true,
            SmsRecord.DeliveryStatus.NONE,
            1,
            Collections.<PartInfo>emptyList());
    q.onProviderRow(row);
    assertEquals(key, q.sendKeyFor("sms:41"));
    assertEquals(null, q.sendKeyFor("sms:40"));
    Message m = peer.sent.get(peer.sent.size() - 1);
    assertEquals("sms:41", m.body().get("messageId").getAsString());
    // After a restart the link is still known (journalled).
    assertEquals(key, queue().sendKeyFor("sms:41"));
  }
}
