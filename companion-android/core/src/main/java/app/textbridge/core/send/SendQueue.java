package app.textbridge.core.send;

import app.textbridge.core.PhoneConfig;
import app.textbridge.core.PhonePorts;
import app.textbridge.core.model.Addresses;
import app.textbridge.core.model.FailureReason;
import app.textbridge.core.model.SendRecord;
import app.textbridge.core.model.SendRecord.PartState;
import app.textbridge.core.model.SendState;
import app.textbridge.core.model.SmsRecord;
import app.textbridge.core.port.Clock;
import app.textbridge.core.port.EventLog;
import app.textbridge.core.port.MmsSender;
import app.textbridge.core.port.MmsSender.OutgoingMms;
import app.textbridge.core.port.PhoneListener;
import app.textbridge.core.port.Scheduler;
import app.textbridge.core.port.SendJournal;
import app.textbridge.core.port.SmsSender;
import app.textbridge.core.protocol.message.Message;
import app.textbridge.core.service.UploadService;
import app.textbridge.core.session.Peer;
import app.textbridge.core.sync.SendKeyLookup;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Outgoing texts and MMS with idempotency keys (PROTOCOL.md §9.9). A message handed over cannot be
 * taken back and a retry cannot tell whether the first try left, so the key is journalled before
 * the sender is called, a repeated key never sends again, and a key that never reached the radio
 * (or the MMS service) becomes {@code unknown} at start-up and is never resent: a lost text can be
 * sent again by the user, a doubled one cannot be unsent. One recipient without attachments goes as
 * SMS; anything else as one MMS. All state changes happen under this object's lock, in journal
 * order.
 */
public final class SendQueue implements SmsSender.ReportSink, MmsSender.ResultSink, SendKeyLookup {
  private static final long RECOVERY_WINDOW_MS = 30L * 24 * 3600 * 1000;
  private final SendJournal journal;
  private final SmsSender sender;
  private final MmsSender mms;
  private final MmsComposer composer;
  private final SubscriptionResolver subs;
  private final Clock clock;
  private final Scheduler scheduler;
  private final RateWatch rate;
  private final PhoneConfig config;
  private final EventLog log;
  private final PhoneListener listener;
  private final RowLinker rows;
  private final StatusWaiters waiters = new StatusWaiters();

  /** Reports that arrived while the key was being handed over (same-thread callbacks). */
  private final Map<String, List<Runnable>> early = new HashMap<>();

  /** MMS keys handed over whose result has not come yet, with their deadline. */
  private final Map<String, Scheduler.Cancellable> deadlines = new HashMap<>();

  private volatile Consumer<String> lateLinks = id -> {};

  /**
   * Uses the journal, senders, SIMs, store, clock, scheduler, quota, log and listener of {@code
   * ports}; {@code uploads} is null exactly when {@code ports.mms} is.
   */
  public SendQueue(PhonePorts ports, PhoneConfig config, UploadService uploads) {
    this.journal = ports.sendJournal;
    this.sender = ports.sender;
    this.mms = ports.mms;
    this.composer = ports.mms == null ? null : new MmsComposer(ports.mms, uploads);
    this.subs = new SubscriptionResolver(ports.sims, ports.store);
    this.clock = ports.clock;
    this.scheduler = ports.scheduler;
    this.rate = new RateWatch(ports.rateLimits);
    this.config = config;
    this.log = ports.log;
    this.listener = ports.listener;
    this.rows = new RowLinker(ports.clock, config.sendLinkWindowMs);
  }

  /**
   * Where message ids go that were linked after their row may already have been pushed (an MMS
   * result naming its row): the core pushes that row again, now with its sendKey.
   */
  public void onLateLink(Consumer<String> messageIds) {
    lateLinks = messageIds;
  }

  /**
   * Start-up: keys recorded but never handed over become unknown (never resent); an MMS handed over
   * whose result is still out gets the rest of its deadline.
   */
  public synchronized void recover() throws IOException {
    long now = clock.nowMillis();
    for (SendRecord r : journal.updatedSince(now - RECOVERY_WINDOW_MS)) {
      if (r.state == SendState.ACCEPTED && !r.handedToRadio) {
        r = r.toBuilder().state(SendState.UNKNOWN, null, null).updatedAt(now).build();
        journal.update(r);
        log.warn("send", "a key was recorded but never handed over: now unknown");
      } else if (Digests.isMms(r) && r.handedToRadio && awaitsResult(r)) {
        deadline(r.key, Math.max(0, r.updatedAt + config.mmsResultDeadlineMs - now));
      }
      for (String id : r.messageIds) rows.link(id, r.key);
      rows.remember(r);
    }
  }

  public synchronized void request(Peer peer, Message m) throws IOException {
    SendRequest req = SendRequest.parse(m.body());
    Optional<SendRecord> existing = journal.find(req.key);
    if (existing.isPresent()) {
      waiters.attach(req.key, peer, m.id);
      StatusWaiters.reply(peer, m.id, existing.get());
      return;
    }
    boolean asMms = req.asMms();
    String digest = asMms ? Digests.mms(req.mmsText()) : Digests.sms(req.text);
    SendRecord r = SendRecord.accepted(req.key, req.to, digest, req.subId, clock.nowMillis());
    if (!journal.insert(r)) {
      request(peer, m);
      return;
    }
    waiters.attach(req.key, peer, m.id);
    rows.remember(r);
    if (asMms && mms == null) {
      FailureReason why =
          req.attachments.isEmpty()
              ? FailureReason.GROUP_UNSUPPORTED
              : FailureReason.MMS_UNSUPPORTED;
      finish(r, SendState.FAILED, why, "this phone does not send MMS");
      return;
    }
    SubscriptionResolver.Choice sim = subs.resolve(req.subId, req.to.get(0));
    if (sim.refused != null) {
      finish(r, SendState.FAILED, sim.refused, "subscription not active");
      return;
    }
    if (!asMms) {
      notifyState(r);
      handOverText(r, req.text, sim.subId);
      return;
    }
    MmsComposer.Outcome c;
    try {
      c = composer.compose(peer.desktopKeyHex(), req, sim.subId, clock.nowMillis());
    } catch (IOException e) {
      log.warn("send", "uploads unreadable: " + e.getClass().getSimpleName());
      c = MmsComposer.Outcome.refused(FailureReason.GENERIC_FAILURE, "uploads unreadable");
    }
    if (c.mms == null) {
      finish(r, SendState.FAILED, c.reason, c.detail);
      return;
    }
    notifyState(r);
    handOverMms(r, c.mms);
  }

  private void handOverText(SendRecord r, String text, int subId) throws IOException {
    int[] parts = new int[r.recipients.size()];
    early.put(r.key, new ArrayList<Runnable>());
    try {
      for (int i = 0; i < parts.length; i++) {
        parts[i] =
            sender.send(new SmsSender.OutgoingText(r.key, i, r.recipients.get(i), text, subId));
      }
    } catch (SmsSender.SendRefusedException e) {
      early.remove(r.key);
      finish(current(r.key), SendState.FAILED, e.reason, e.getMessage());
      return;
    } catch (RuntimeException e) {
      // We cannot tell whether the radio got it: unknown, never resent (§9.9).
      early.remove(r.key);
      log.warn("send", "sender threw " + e.getClass().getSimpleName());
      finish(current(r.key), SendState.UNKNOWN, null, null);
      return;
    }
    markHandedOver(r.key, parts);
    if (rate.pastQuota(Arrays.stream(parts).sum(), clock.nowMillis())) {
      log.info("send", "past Android's send quota: the phone asks its user first");
      scheduler.schedule(config.waitingForUserAfterMs, () -> promptShowing(r.key));
    }
    for (Runnable report : early.remove(r.key)) report.run();
  }

  private void handOverMms(SendRecord r, OutgoingMms out) throws IOException {
    early.put(r.key, new ArrayList<Runnable>());
    try {
      mms.send(out);
    } catch (SmsSender.SendRefusedException e) {
      early.remove(r.key);
      finish(current(r.key), SendState.FAILED, e.reason, e.getMessage());
      return;
    } catch (RuntimeException e) {
      early.remove(r.key);
      log.warn("send", "MMS sender threw " + e.getClass().getSimpleName());
      finish(current(r.key), SendState.UNKNOWN, null, null);
      return;
    }
    // It leaves once for everyone: one part per recipient, all moving together.
    int[] parts = new int[r.recipients.size()];
    Arrays.fill(parts, 1);
    markHandedOver(r.key, parts);
    deadline(r.key, config.mmsResultDeadlineMs);
    for (Runnable report : early.remove(r.key)) report.run();
  }

  private void markHandedOver(String key, int[] parts) throws IOException {
    SendRecord handed =
        current(key).toBuilder().handedToRadio(parts).updatedAt(clock.nowMillis()).build();
    journal.update(handed);
    rows.remember(handed);
  }

  /** Past the quota and still no radio result: the system's prompt is what it waits for. */
  private synchronized void promptShowing(String key) {
    try {
      Optional<SendRecord> found = journal.find(key);
      if (!found.isPresent()) return;
      SendRecord r = found.get();
      if (r.state != SendState.ACCEPTED || r.countAtLeast(PartState.SENT) > 0) return;
      SendRecord waiting =
          r.toBuilder()
              .state(SendState.WAITING_FOR_USER, null, null)
              .updatedAt(clock.nowMillis())
              .build();
      journal.update(waiting);
      rows.remember(waiting);
      notifyState(waiting);
    } catch (IOException e) {
      log.warn("send", "journal update failed: " + e.getClass().getSimpleName());
    }
  }

  @Override
  public void partSent(String key, int recipient, int part, int subId) {
    report(key, recipient, part, PartState.SENT, null, null);
  }

  @Override
  public void partDelivered(String key, int recipient, int part, int subId) {
    report(key, recipient, part, PartState.DELIVERED, null, null);
  }

  @Override
  public void partFailed(
      String key, int recipient, int part, int subId, FailureReason reason, String detail) {
    report(key, recipient, part, PartState.FAILED, reason, detail);
  }

  private synchronized void report(
      String key, int recipient, int part, PartState state, FailureReason reason, String detail) {
    if (deferred(key, () -> report(key, recipient, part, state, reason, detail))) return;
    try {
      Optional<SendRecord> found = journal.find(key);
      if (!found.isPresent() || Digests.isMms(found.get())) return;
      SendRecord r = found.get();
      SendRecord next =
          PartAggregator.apply(
              r,
              PartAggregator.index(r, recipient, part),
              state,
              reason == null ? FailureReason.GENERIC_FAILURE : reason,
              detail,
              clock.nowMillis());
      if (next == r) return;
      journal.update(next);
      rows.remember(next);
      if (next.state != r.state
          || next.countAtLeast(PartState.SENT) != r.countAtLeast(PartState.SENT)
          || next.countAtLeast(PartState.DELIVERED) != r.countAtLeast(PartState.DELIVERED)) {
        notifyState(next);
      }
    } catch (IOException e) {
      log.warn("send", "journal update failed: " + e.getClass().getSimpleName());
    }
  }

  @Override
  public void mmsSent(String key, int subId, String messageId) {
    mmsResult(key, null, null, messageId);
  }

  @Override
  public void mmsFailed(
      String key, int subId, FailureReason reason, String detail, String messageId) {
    mmsResult(key, reason == null ? FailureReason.GENERIC_FAILURE : reason, detail, messageId);
  }

  /** The MMS service's one result ({@code reason} null: sent) moves every part at once. */
  private synchronized void mmsResult(
      String key, FailureReason reason, String detail, String messageId) {
    if (deferred(key, () -> mmsResult(key, reason, detail, messageId))) return;
    try {
      Optional<SendRecord> found = journal.find(key);
      if (!found.isPresent() || !Digests.isMms(found.get())) return;
      SendRecord r = found.get();
      Scheduler.Cancellable d = deadlines.remove(key);
      if (d != null) d.cancel();
      SendRecord next = r;
      // Linked even when late: the row still belongs to the key (the desktop merges by it).
      boolean linked = messageId != null && !r.messageIds.contains(messageId);
      if (linked) next = next.toBuilder().linkMessage(messageId).build();
      PartState state = reason == null ? PartState.SENT : PartState.FAILED;
      long now = clock.nowMillis();
      for (int i = 0; i < next.totalParts(); i++) {
        next = PartAggregator.apply(next, i, state, reason, detail, now);
      }
      if (next == r) return;
      journal.update(next);
      if (linked) rows.link(messageId, key);
      rows.remember(next);
      if (next.state != r.state || linked) notifyState(next);
      if (linked) lateLinks.accept(messageId);
    } catch (IOException e) {
      log.warn("send", "journal update failed: " + e.getClass().getSimpleName());
    }
  }

  /** While {@code key} is being handed over on this thread, its results wait until it is done. */
  private boolean deferred(String key, Runnable later) {
    List<Runnable> pending = early.get(key);
    if (pending == null) return false;
    pending.add(later);
    return true;
  }

  private void deadline(String key, long delayMs) {
    Scheduler.Cancellable previous =
        deadlines.put(key, scheduler.schedule(delayMs, () -> noResult(key)));
    if (previous != null) previous.cancel();
  }

  /**
   * No result by the deadline: Android drops an MMS silently when an app-op forbids sending, so it
   * may never come. Whether it left is unknown, and it is never resent.
   */
  private synchronized void noResult(String key) {
    deadlines.remove(key);
    try {
      Optional<SendRecord> found = journal.find(key);
      if (!found.isPresent() || !awaitsResult(found.get())) return;
      log.warn("send", "no result from the MMS service in time: now unknown");
      finish(found.get(), SendState.UNKNOWN, null, "the MMS service reported no result");
    } catch (IOException e) {
      log.warn("send", "journal update failed: " + e.getClass().getSimpleName());
    }
  }

  private static boolean awaitsResult(SendRecord r) {
    return r.state == SendState.ACCEPTED || r.state == SendState.WAITING_FOR_USER;
  }

  /**
   * The provider recorded an outgoing row (the system writes sent messages itself): link it to the
   * request of the same kind with the same body and a matching address, close in time, so the
   * desktop can merge its outbox copy (sendKey, messageId).
   */
  public synchronized void onProviderRow(SmsRecord row) throws IOException {
    SendRecord best = rows.match(row);
    if (best == null) return;
    SendRecord linked = current(best.key).toBuilder().linkMessage(row.id).build();
    journal.update(linked);
    rows.link(row.id, linked.key);
    rows.remember(linked);
    if (linked.messageIds.size() == 1) notifyState(linked);
  }

  /**
   * The carrier's delivery report for one recipient of a sent MMS (the store's m-delivery-ind):
   * that recipient's part becomes delivered, and the key {@code delivered} once every recipient's
   * has (parts.delivered counts recipients). States only move forward, so a repeated report changes
   * nothing. A negative report (rejected, unreachable, expired) leaves the key {@code sent} rather
   * than failing it: the MMSC accepted the message, so the text did leave the phone and is in the
   * recipients' conversation; failing it would invite a resend that doubles it for the others, and
   * a later report for the same recipient (deferred, then retrieved) may still come.
   */
  public synchronized void onMmsDelivery(String messageId, String recipient, boolean delivered)
      throws IOException {
    String key = rows.keyFor(messageId);
    if (key == null || recipient == null) return;
    Optional<SendRecord> found = journal.find(key);
    if (!found.isPresent() || !Digests.isMms(found.get())) return;
    SendRecord r = found.get();
    if (!delivered) {
      log.info("send", "the carrier reports an MMS recipient did not get it: stays sent");
      return;
    }
    int index = -1;
    byte[] states = r.partStates();
    for (int i = 0; i < r.recipients.size(); i++) {
      int part = PartAggregator.index(r, i, 0); // an MMS has one part per recipient
      if (part < 0 || !Addresses.same(r.recipients.get(i), recipient)) continue;
      if (index < 0) index = part;
      if (states[part] != PartState.DELIVERED.ordinal()) {
        index = part; // the same number twice: the first one not yet delivered
        break;
      }
    }
    if (index < 0) return;
    SendRecord next =
        PartAggregator.apply(r, index, PartState.DELIVERED, null, null, clock.nowMillis());
    if (next == r) return;
    journal.update(next);
    rows.remember(next);
    notifyState(next);
  }

  @Override
  public String sendKeyFor(String messageId) {
    return rows.keyFor(messageId);
  }

  public synchronized void forget(Peer peer) {
    waiters.forget(peer);
  }

  private void finish(SendRecord r, SendState state, FailureReason reason, String detail)
      throws IOException {
    SendRecord done =
        r.toBuilder().state(state, reason, detail).updatedAt(clock.nowMillis()).build();
    journal.update(done);
    rows.remember(done);
    notifyState(done);
  }

  private SendRecord current(String key) throws IOException {
    Optional<SendRecord> r = journal.find(key);
    if (!r.isPresent()) throw new IOException("send journal lost a key");
    return r.get();
  }

  private void notifyState(SendRecord r) {
    listener.sendState(r.key, r.state.wire);
    waiters.tell(r, rows.mayStillLink(r.key));
  }

  static String digest(String body) {
    return Digests.sms(body);
  }
}
