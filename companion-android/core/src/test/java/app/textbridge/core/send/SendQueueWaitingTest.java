package app.textbridge.core.send;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.textbridge.core.PhoneConfig;
import app.textbridge.core.model.FailureReason;
import app.textbridge.core.port.SmsRateLimits;
import app.textbridge.core.protocol.message.Message;
import app.textbridge.core.protocol.message.MessageType;
import app.textbridge.core.testutil.ManualTime;
import app.textbridge.core.testutil.RecordingPeer;
import app.textbridge.core.testutil.TestPorts;
import app.textbridge.core.testutil.Uploads;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Android's send-rate prompt (§9.9 waiting_for_user): past the quota, a text with no radio result
 * after a moment is waiting for the phone's user, and only desktops with send.waiting hear so.
 */
class SendQueueWaitingTest {
  private static final String[] ANA = {"+447700900123"};
  private static final long MINUTE = 60_000;
  private final TestPorts ports = new TestPorts();
  private final PhoneConfig config = new PhoneConfig();
  private final ManualTime time = new ManualTime(1_700_000_000_000L);
  private final RecordingPeer waits = new RecordingPeer("aa", "send.waiting");
  private final RecordingPeer old = new RecordingPeer("bb");
  private SendQueue q;
  private int keys;

  @BeforeEach
  void setUp() throws Exception {
    ports.clock = time;
    ports.timers = time;
    ports.rateLimits =
        new SmsRateLimits() {
          @Override
          public int maxCount() {
            return 3;
          }

          @Override
          public long intervalMillis() {
            return 30 * MINUTE;
          }
        };
    q = new SendQueue(ports.ports(), config, null);
    q.recover();
    ports.sender.setReportSink(q);
  }

  /** Sends one text for both desktops (the second asks under the same key); returns the key. */
  private String send() throws Exception {
    String key = String.format("key-wait-%011d", keys++);
    q.request(waits, request(key));
    q.request(old, request(key));
    return key;
  }

  private static Message request(String key) {
    return Message.request(MessageType.SEND_REQUEST, "r1", Uploads.send(key, "hi", ANA));
  }

  private static List<String> states(RecordingPeer p, String key) {
    List<String> out = new ArrayList<>();
    for (Message m : p.sent) {
      if (m.body().get("key").getAsString().equals(key)) {
        out.add(m.body().get("state").getAsString());
      }
    }
    return out;
  }

  @Test
  void pastTheQuotaATextWithoutResultIsWaitingAndAnAllowedOneIsSent() throws Exception {
    for (int i = 0; i < 3; i++) {
      String under = send();
      time.advance(config.waitingForUserAfterMs * 2);
      assertEquals(List.of("accepted"), states(waits, under), "under the quota nothing waits");
    }
    String past = send();
    time.advance(config.waitingForUserAfterMs - 1);
    assertEquals(List.of("accepted"), states(waits, past));
    time.advance(1);
    assertEquals(List.of("accepted", "waiting_for_user"), states(waits, past));
    assertEquals(List.of("accepted"), states(old, past), "not told about the wait");
    q.request(old, request(past));
    assertEquals("accepted", old.last(MessageType.SEND_STATUS).body().get("state").getAsString());

    ports.sender.sink.partSent(past, 0, 0, 1); // the user allowed it
    assertEquals(List.of("accepted", "waiting_for_user", "sent"), states(waits, past));
    assertEquals(List.of("accepted", "accepted", "sent"), states(old, past));
  }

  @Test
  void aDeclinedPromptFailsWithLimitExceeded() throws Exception {
    for (int i = 0; i < 3; i++) send();
    String past = send();
    time.advance(config.waitingForUserAfterMs);
    ports.sender.sink.partFailed(past, 0, 0, 1, FailureReason.LIMIT_EXCEEDED, "declined");
    assertEquals(List.of("accepted", "waiting_for_user", "failed"), states(waits, past));
    Message failed = waits.last(MessageType.SEND_STATUS);
    assertEquals("limit_exceeded", failed.body().get("reason").getAsString());
  }

  @Test
  void aResultWithinTheMomentMeansNoWaitAndTheWindowRolls() throws Exception {
    for (int i = 0; i < 3; i++) send();
    String quick = send();
    time.advance(config.waitingForUserAfterMs / 2);
    ports.sender.sink.partSent(quick, 0, 0, 1); // e.g. "always allow" was ticked before
    time.advance(config.waitingForUserAfterMs);
    assertEquals(List.of("accepted", "sent"), states(waits, quick));

    time.advance(30 * MINUTE);
    String later = send();
    time.advance(config.waitingForUserAfterMs * 2);
    assertEquals(List.of("accepted"), states(waits, later), "the old hand-overs left the window");
  }

  @Test
  void aLongTextCountsEveryPart() throws Exception {
    ports.sender.partsPerText = 3;
    String three = send();
    time.advance(config.waitingForUserAfterMs);
    assertEquals(List.of("accepted"), states(waits, three));
    String more = send();
    time.advance(config.waitingForUserAfterMs);
    assertEquals(List.of("accepted", "waiting_for_user"), states(waits, more));
  }
}
