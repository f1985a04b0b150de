package app.textbridge.core.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.textbridge.core.mms.MmsException;
import app.textbridge.core.mms.MmsPduEncoder;
import app.textbridge.core.mms.MmsSendRequest;
import app.textbridge.core.model.FailureReason;
import app.textbridge.core.port.MmsSender;
import app.textbridge.core.port.MmsSender.OutgoingMms;
import app.textbridge.core.port.SmsSender.SendRefusedException;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The MMS port's value type and its in-memory implementation for the runner and core tests. */
class RecordingMmsSenderTest {
  private static final String KEY = "key-mms-000000001";

  static MmsSendRequest request() throws MmsException {
    return MmsSendRequest.builder()
        .transactionId("T1")
        .recipient("+447700900123")
        .recipient("+447700900456")
        .text("hello both")
        .build();
  }

  /** Writes "sent k sub 2 mms:7" / "failed k sub 2 no_service (detail)". */
  static class Lines implements MmsSender.ResultSink {
    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void mmsSent(String key, int subId, String messageId) {
      lines.add("sent " + key + " sub " + subId + " " + messageId);
    }

    @Override
    public void mmsFailed(
        String key, int subId, FailureReason reason, String detail, String messageId) {
      lines.add("failed " + key + " sub " + subId + " " + reason.wire + " (" + detail + ")");
    }
  }

  @Test
  void theOutgoingMmsCarriesExactlyTheEncodersBytes() throws Exception {
    OutgoingMms mms = OutgoingMms.encode(KEY, 2, request(), 300 * 1024);
    byte[] expected = MmsPduEncoder.encode(request(), 300 * 1024);
    assertArrayEquals(expected, mms.pdu());
    assertEquals(expected.length, mms.pduLength());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    mms.writePdu(out);
    assertArrayEquals(expected, out.toByteArray());
    mms.pdu()[0] = 0;
    assertArrayEquals(expected, mms.pdu(), "pdu() is a copy");
    assertEquals(2, mms.subId);
    assertEquals(2, mms.request.recipients().size());
  }

  @Test
  void aPduOverTheLimitIsRefusedBeforeAnythingIsHandedOver() throws Exception {
    long size = MmsPduEncoder.encodedSize(request());
    MmsException e =
        assertThrows(MmsException.class, () -> OutgoingMms.encode(KEY, 1, request(), size - 1));
    assertEquals(MmsException.Problem.TOO_LARGE, e.problem());
    assertEquals(size, OutgoingMms.encode(KEY, 1, request(), size).pduLength());
  }

  @Test
  void limitsArePerSubscriptionWithThePortsDefaults() {
    RecordingMmsSender sender = new RecordingMmsSender().limits(2, 614_400, 10);
    assertEquals(614_400, sender.maxMessageBytes(2));
    assertEquals(10, sender.maxRecipients(2));
    assertEquals(300 * 1024, sender.maxMessageBytes(1));
    assertEquals(MmsSender.DEFAULT_MAX_MESSAGE_BYTES, sender.maxMessageBytes(-1));
    assertEquals(MmsSendRequest.DEFAULT_MAX_RECIPIENTS, sender.maxRecipients(1));
  }

  @Test
  void handOversAreRecordedAndTheTestDrivesTheResults() throws Exception {
    RecordingMmsSender sender = new RecordingMmsSender();
    Lines sink = new Lines();
    sender.setResultSink(sink);
    sender.send(OutgoingMms.encode(KEY, 2, request(), 300 * 1024));
    sender.send(OutgoingMms.encode("key-mms-000000002", 1, request(), 300 * 1024));
    assertEquals(2, sender.sent.size());
    sender.succeed(KEY, "mms:7");
    sender.fail("key-mms-000000002", FailureReason.MMS_UNSUPPORTED, "mobile data is off");
    assertEquals(
        List.of(
            "sent " + KEY + " sub 2 mms:7",
            "failed key-mms-000000002 sub 1 mms_unsupported (mobile data is off)"),
        sink.lines);
    assertThrows(IllegalArgumentException.class, () -> sender.succeed("key-never-handed-1", null));
  }

  @Test
  void aRefusalIsTypedAndNothingIsRecorded() throws Exception {
    RecordingMmsSender sender = new RecordingMmsSender();
    sender.refuseWith(FailureReason.NO_PERMISSION);
    SendRefusedException e =
        assertThrows(
            SendRefusedException.class,
            () -> sender.send(OutgoingMms.encode(KEY, 1, request(), 300 * 1024)));
    assertEquals(FailureReason.NO_PERMISSION, e.reason);
    assertTrue(sender.sent.isEmpty());
    sender.refuseWith(null);
    sender.send(OutgoingMms.encode(KEY, 1, request(), 300 * 1024));
    assertEquals(1, sender.sent.size());
  }

  @Test
  void withASchedulerEveryMmsIsReportedSent() throws Exception {
    ExecutorScheduler scheduler = new ExecutorScheduler("mms-test");
    try {
      RecordingMmsSender sender = new RecordingMmsSender(scheduler, 10);
      CountDownLatch done = new CountDownLatch(1);
      Lines sink =
          new Lines() {
            @Override
            public void mmsSent(String key, int subId, String messageId) {
              super.mmsSent(key, subId, messageId);
              done.countDown();
            }
          };
      sender.setResultSink(sink);
      sender.send(OutgoingMms.encode(KEY, 3, request(), 300 * 1024));
      assertTrue(done.await(5, TimeUnit.SECONDS));
      assertEquals(List.of("sent " + KEY + " sub 3 null"), sink.lines);
    } finally {
      scheduler.close();
    }
  }
}
