package app.textbridge.runner;

import app.textbridge.core.model.FailureReason;
import app.textbridge.core.model.PartInfo;
import app.textbridge.core.model.SmsRecord;
import app.textbridge.core.port.Clock;
import app.textbridge.core.port.Scheduler;
import app.textbridge.core.port.SmsSender;
import app.textbridge.core.support.MemorySmsStore;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A radio for the JVM: every part is "sent" after ~300 ms and "delivered" after ~800 ms. A body
 * containing "[fail]", or every N-th text with --fail-every N, fails with no_service. Like Android,
 * the system records the text in the provider itself: a 'sent' (or 'failed') row appears in the
 * store, which the core links to the request by body, address and time.
 */
final class SimulatedSender implements SmsSender {
  static final long SENT_AFTER_MS = 300;
  static final long DELIVERED_AFTER_MS = 800;
  private final MemorySmsStore store;
  private final Scheduler scheduler;
  private final Clock clock;
  private final int failEvery;
  private final AtomicInteger count = new AtomicInteger();
  private volatile ReportSink sink;

  SimulatedSender(MemorySmsStore store, Scheduler scheduler, Clock clock, int failEvery) {
    this.store = store;
    this.scheduler = scheduler;
    this.clock = clock;
    this.failEvery = failEvery;
  }

  @Override
  public void setReportSink(ReportSink sink) {
    this.sink = sink;
  }

  @Override
  public int send(OutgoingText text) {
    int n = count.incrementAndGet();
    boolean fail = text.body.contains("[fail]") || (failEvery > 0 && n % failEvery == 0);
    int parts = partsOf(text.body);
    scheduler.schedule(SENT_AFTER_MS, () -> sent(text, parts, fail));
    return parts;
  }

  /**
   * 160 GSM characters in one part, 153 per part when split (a simple stand-in for divideMessage).
   */
  static int partsOf(String body) {
    return body.length() <= 160 ? 1 : (body.length() + 152) / 153;
  }

  private void sent(OutgoingText text, int parts, boolean fail) {
    SmsRecord row = providerRow(text, fail);
    store.add(row);
    ReportSink s = sink;
    if (fail) {
      s.partFailed(
          text.key,
          text.recipientIndex,
          0,
          text.subId,
          FailureReason.NO_SERVICE,
          "simulated: no service");
      return;
    }
    for (int p = 0; p < parts; p++) s.partSent(text.key, text.recipientIndex, p, text.subId);
    scheduler.schedule(
        DELIVERED_AFTER_MS - SENT_AFTER_MS,
        () -> {
          store.update(row.withBoxAndStatus(SmsRecord.Box.SENT, SmsRecord.DeliveryStatus.COMPLETE));
          for (int p = 0; p < parts; p++)
            s.partDelivered(text.key, text.recipientIndex, p, text.subId);
        });
  }

  private SmsRecord providerRow(OutgoingText text, boolean fail) {
    java.util.List<String> to = Collections.singletonList(text.address);
    return new SmsRecord(
        store.nextId("sms"),
        SmsRecord.Kind.SMS,
        store.threadFor(to),
        fail ? SmsRecord.Box.FAILED : SmsRecord.Box.SENT,
        to,
        null,
        clock.nowMillis(),
        null,
        text.body,
        true,
        fail ? SmsRecord.DeliveryStatus.FAILED : SmsRecord.DeliveryStatus.PENDING,
        text.subId < 0 ? null : text.subId,
        Collections.<PartInfo>emptyList());
  }
}
