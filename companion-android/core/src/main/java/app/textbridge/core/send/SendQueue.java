package app.textbridge.core.send;

import app.textbridge.core.PhoneConfig;
import app.textbridge.core.crypto.Bytes;
import app.textbridge.core.crypto.Primitives;
import app.textbridge.core.model.Addresses;
import app.textbridge.core.model.FailureReason;
import app.textbridge.core.model.SendRecord;
import app.textbridge.core.model.SendRecord.PartState;
import app.textbridge.core.model.SendState;
import app.textbridge.core.model.SmsRecord;
import app.textbridge.core.port.Clock;
import app.textbridge.core.port.EventLog;
import app.textbridge.core.port.PhoneListener;
import app.textbridge.core.port.SendJournal;
import app.textbridge.core.port.SmsSender;
import app.textbridge.core.protocol.message.Message;
import app.textbridge.core.protocol.message.MessageType;
import app.textbridge.core.session.Peer;
import app.textbridge.core.sync.SendKeyLookup;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Outgoing texts with idempotency keys (PROTOCOL.md §9.9). A text handed to the radio cannot be
 * taken back and a retry cannot tell whether the first try left, so the key is journalled before
 * the sender is called, a repeated key never sends again, and a key that never reached the radio
 * becomes {@code unknown} at start-up and is never resent: a lost text can be sent again by the
 * user, a doubled one cannot be unsent. All state changes happen under this object's lock, in
 * journal order.
 */
public final class SendQueue implements SmsSender.ReportSink, SendKeyLookup {
  private static final long RECOVERY_WINDOW_MS = 30L * 24 * 3600 * 1000;
  private final SendJournal journal;
  private final SmsSender sender;
  private final SubscriptionResolver subs;
  private final Clock clock;
  private final PhoneConfig config;
  private final EventLog log;
  private final PhoneListener listener;
  private final Map<String, String> links = new ConcurrentHashMap<>();

  /** Keys whose provider row may still appear (within the link window). */
  private final Map<String, SendRecord> linkable = new LinkedHashMap<>();

  private final Map<String, List<Waiter>> waiters = new HashMap<>();

  /** Reports that arrived while the key was being handed over (same-thread callbacks). */
  private final Map<String, List<Runnable>> early = new HashMap<>();

  public SendQueue(
      SendJournal journal,
      SmsSender sender,
      SubscriptionResolver subs,
      Clock clock,
      PhoneConfig config,
      EventLog log,
      PhoneListener listener) {
    this.journal = journal;
    this.sender = sender;
    this.subs = subs;
    this.clock = clock;
    this.config = config;
    this.log = log;
    this.listener = listener;
  }

  /** A session waiting for a key's status, with the request id to answer. */
  private static final class Waiter {
    final Peer peer;
    final String ref;

    Waiter(Peer peer, String ref) {
      this.peer = peer;
      this.ref = ref;
    }
  }

  /** Start-up: keys recorded but never handed to the radio become unknown (never resent). */
  public synchronized void recover() throws IOException {
    long now = clock.nowMillis();
    for (SendRecord r : journal.updatedSince(now - RECOVERY_WINDOW_MS)) {
      if (r.state == SendState.ACCEPTED && !r.handedToRadio) {
        r = r.toBuilder().state(SendState.UNKNOWN, null, null).updatedAt(now).build();
        journal.update(r);
        log.warn("send", "a key was recorded but never reached the radio: now unknown");
      }
      for (String id : r.messageIds) links.put(id, r.key);
      remember(r);
    }
  }

  public synchronized void request(Peer peer, Message m) throws IOException {
    JsonObject b = m.body();
    String key = b.get("key").getAsString();
    Optional<SendRecord> existing = journal.find(key);
    if (existing.isPresent()) {
      attach(key, peer, m.id);
      reply(peer, m.id, existing.get());
      return;
    }
    List<String> to = new ArrayList<>();
    for (JsonElement e : b.getAsJsonArray("to")) to.add(e.getAsString());
    String text = b.get("body").getAsString();
    Integer subId = b.get("subId").isJsonNull() ? null : b.get("subId").getAsInt();
    SendRecord r = SendRecord.accepted(key, to, digest(text), subId, clock.nowMillis());
    if (!journal.insert(r)) {
      request(peer, m);
      return;
    }
    attach(key, peer, m.id);
    remember(r);
    if (to.size() > 1 && !config.groupSend) {
      finish(r, SendState.FAILED, FailureReason.GROUP_UNSUPPORTED, "send.group not supported");
      return;
    }
    SubscriptionResolver.Choice sim = subs.resolve(subId, to.get(0));
    if (sim.refused != null) {
      finish(r, SendState.FAILED, sim.refused, "subscription not active");
      return;
    }
    notifyState(r);
    handOver(r, text, sim.subId);
  }

  private void handOver(SendRecord r, String text, int subId) throws IOException {
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
    SendRecord handed =
        current(r.key).toBuilder().handedToRadio(parts).updatedAt(clock.nowMillis()).build();
    journal.update(handed);
    remember(handed);
    for (Runnable report : early.remove(r.key)) report.run();
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
    List<Runnable> pending = early.get(key);
    if (pending != null) {
      pending.add(() -> report(key, recipient, part, state, reason, detail));
      return;
    }
    try {
      Optional<SendRecord> found = journal.find(key);
      if (!found.isPresent()) return;
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
      remember(next);
      if (next.state != r.state
          || next.countAtLeast(PartState.SENT) != r.countAtLeast(PartState.SENT)
          || next.countAtLeast(PartState.DELIVERED) != r.countAtLeast(PartState.DELIVERED)) {
        notifyState(next);
      }
    } catch (IOException e) {
      log.warn("send", "journal update failed: " + e.getClass().getSimpleName());
    }
  }

  /**
   * The provider recorded an outgoing row (the system writes sent texts itself): link it to the
   * request with the same body and a matching address, close in time, so the desktop can merge its
   * outbox copy (sendKey, messageId).
   */
  public synchronized void onProviderRow(SmsRecord row) throws IOException {
    if (!row.isOutgoing() || row.box == SmsRecord.Box.INBOX || row.box == SmsRecord.Box.DRAFT) {
      return;
    }
    if (links.containsKey(row.id)) return;
    String d = digest(row.body);
    SendRecord best = null;
    for (SendRecord r : linkable.values()) {
      if (!r.bodyDigest.equals(d) || r.messageIds.size() >= r.recipients.size()) continue;
      if (Math.abs(row.date - r.requestedAt) > config.sendLinkWindowMs) continue;
      if (!anyAddressMatches(r, row)) continue;
      if (best == null
          || Math.abs(row.date - r.requestedAt) < Math.abs(row.date - best.requestedAt)) {
        best = r;
      }
    }
    if (best == null) return;
    SendRecord linked = current(best.key).toBuilder().linkMessage(row.id).build();
    journal.update(linked);
    links.put(row.id, linked.key);
    remember(linked);
    if (linked.messageIds.size() == 1) notifyState(linked);
  }

  @Override
  public String sendKeyFor(String messageId) {
    return links.get(messageId);
  }

  public synchronized void forget(Peer peer) {
    for (List<Waiter> list : waiters.values()) list.removeIf(w -> w.peer == peer);
  }

  private static boolean anyAddressMatches(SendRecord r, SmsRecord row) {
    for (String to : r.recipients) {
      for (String a : row.addresses) if (Addresses.same(to, a)) return true;
    }
    return false;
  }

  private void finish(SendRecord r, SendState state, FailureReason reason, String detail)
      throws IOException {
    SendRecord done =
        r.toBuilder().state(state, reason, detail).updatedAt(clock.nowMillis()).build();
    journal.update(done);
    remember(done);
    notifyState(done);
  }

  private SendRecord current(String key) throws IOException {
    Optional<SendRecord> r = journal.find(key);
    if (!r.isPresent()) throw new IOException("send journal lost a key");
    return r.get();
  }

  private void remember(SendRecord r) {
    linkable.remove(r.key);
    boolean fresh = clock.nowMillis() - r.requestedAt <= config.sendLinkWindowMs;
    if (fresh && r.messageIds.size() < r.recipients.size() && r.state != SendState.UNKNOWN) {
      linkable.put(r.key, r);
    }
    while (linkable.size() > 1000) linkable.remove(linkable.keySet().iterator().next());
  }

  private void attach(String key, Peer peer, String ref) {
    List<Waiter> list = waiters.computeIfAbsent(key, k -> new ArrayList<Waiter>());
    list.removeIf(w -> w.peer == peer);
    list.add(new Waiter(peer, ref));
  }

  private void notifyState(SendRecord r) {
    listener.sendState(r.key, r.state.wire);
    List<Waiter> list = waiters.get(r.key);
    if (list == null) return;
    for (Waiter w : list) reply(w.peer, w.ref, r);
    if (r.state.isFinal() && !linkable.containsKey(r.key)) waiters.remove(r.key);
  }

  private static void reply(Peer peer, String ref, SendRecord r) {
    peer.send(Message.reply(MessageType.SEND_STATUS, ref, StatusJson.of(r)));
  }

  static String digest(String body) {
    return Bytes.hex(Primitives.hash(Bytes.utf8(body)));
  }
}
