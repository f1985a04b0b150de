package app.textbridge.core.support;

import app.textbridge.core.mms.MmsSendRequest;
import app.textbridge.core.model.FailureReason;
import app.textbridge.core.port.MmsSender;
import app.textbridge.core.port.Scheduler;
import app.textbridge.core.port.SmsSender.SendRefusedException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An {@link MmsSender} without a phone: it keeps every MMS handed over, and results are whatever
 * the test says ({@link #succeed}, {@link #fail}). With a {@link Scheduler} it stands in for a
 * phone (the JVM runner): each MMS is reported sent after {@code autoSentAfterMs}, after {@link
 * SentRows} (if set) recorded it where the platform would. Limits are per subscription, the port's
 * defaults when unset. Thread-safe.
 */
public final class RecordingMmsSender implements MmsSender {
  /** Every MMS handed over, in order. */
  public final List<OutgoingMms> sent = new CopyOnWriteArrayList<>();

  private final Map<Integer, Long> maxBytes = new ConcurrentHashMap<>();
  private final Map<Integer, Integer> maxRecipients = new ConcurrentHashMap<>();
  private final Scheduler scheduler;
  private final long autoSentAfterMs;
  private volatile SendRefusedException refusal;
  private volatile ResultSink sink;
  private volatile SentRows rows;

  /**
   * What Android's MMS service does before it reports a sent MMS: it writes the message into the
   * provider. Returns the new row's id ({@code mms:<n>}), which the result then names, or null.
   */
  public interface SentRows {
    String record(OutgoingMms mms);
  }

  /** Results only when the test calls {@link #succeed} or {@link #fail}. */
  public RecordingMmsSender() {
    this(null, 0);
  }

  /** Every MMS is reported sent {@code autoSentAfterMs} after it was handed over. */
  public RecordingMmsSender(Scheduler scheduler, long autoSentAfterMs) {
    this.scheduler = scheduler;
    this.autoSentAfterMs = autoSentAfterMs;
  }

  /** With a scheduler: every MMS reported sent is first recorded by {@code rows}. */
  public RecordingMmsSender recordSentRows(SentRows rows) {
    this.rows = rows;
    return this;
  }

  public RecordingMmsSender limits(int subId, long bytes, int recipients) {
    maxBytes.put(subId, bytes);
    maxRecipients.put(subId, recipients);
    return this;
  }

  /** Every following send is refused with {@code reason}, nothing recorded; null to stop. */
  public void refuseWith(FailureReason reason) {
    refusal = reason == null ? null : new SendRefusedException(reason, "refused by the test");
  }

  @Override
  public long maxMessageBytes(int subId) {
    return maxBytes.getOrDefault(subId, DEFAULT_MAX_MESSAGE_BYTES);
  }

  @Override
  public int maxRecipients(int subId) {
    return maxRecipients.getOrDefault(subId, MmsSendRequest.DEFAULT_MAX_RECIPIENTS);
  }

  @Override
  public void send(OutgoingMms mms) throws SendRefusedException {
    SendRefusedException refused = refusal;
    if (refused != null) throw refused;
    sent.add(mms);
    if (scheduler != null) scheduler.schedule(autoSentAfterMs, () -> autoSent(mms));
  }

  @Override
  public void setResultSink(ResultSink sink) {
    this.sink = sink;
  }

  public ResultSink sink() {
    return sink;
  }

  private void autoSent(OutgoingMms mms) {
    SentRows r = rows;
    succeed(mms.key, r == null ? null : r.record(mms));
  }

  /** Reports the MMS with {@code key} sent (as the platform would, on the key's subscription). */
  public void succeed(String key, String messageId) {
    sink.mmsSent(key, handedOver(key).subId, messageId);
  }

  public void fail(String key, FailureReason reason, String detail) {
    sink.mmsFailed(key, handedOver(key).subId, reason, detail, null);
  }

  private OutgoingMms handedOver(String key) {
    for (OutgoingMms m : sent) if (m.key.equals(key)) return m;
    throw new IllegalArgumentException("no MMS was handed over with that key");
  }
}
