package app.textbridge.core.sync;

import app.textbridge.core.model.JournalEntry;
import app.textbridge.core.model.SmsRecord;
import app.textbridge.core.model.StoreChange;
import app.textbridge.core.port.SmsStore;
import app.textbridge.core.protocol.message.Message;
import app.textbridge.core.protocol.message.MessageType;
import app.textbridge.core.session.Peer;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code sync.subscribe} (PROTOCOL.md §9.3) and the live {@code message.*} pushes (§9.5, §9.6). A
 * subscription is registered before the replay reads the journal, and pushes wait on the
 * subscription's lock, so a change is either in the replay or pushed after it, never lost.
 */
public final class ChangeFeed {
  private static final int MAX_CHANGES = 1000;
  private final SmsStore store;
  private final ChangeJournal journal;
  private final SendKeyLookup keys;
  private final int budget;
  private final Map<Peer, Subscription> subscriptions = new ConcurrentHashMap<>();

  public ChangeFeed(SmsStore store, ChangeJournal journal, SendKeyLookup keys, int budgetBytes) {
    this.store = store;
    this.journal = journal;
    this.keys = keys;
    this.budget = budgetBytes;
  }

  /** Per-peer push state: the last journal seq this peer was sent. */
  private static final class Subscription {
    long lastSent = Long.MAX_VALUE;
  }

  public void subscribe(Peer peer, String requestId, String watermark) throws IOException {
    Subscription sub = new Subscription();
    synchronized (sub) {
      subscriptions.put(peer, sub);
      long last = journal.lastSeq();
      if (watermark == null) {
        peer.send(page(requestId, new JsonArray(), journal.watermark(last), false, false));
      } else {
        long from = journal.resume(watermark);
        if (from < 0) {
          peer.send(page(requestId, new JsonArray(), journal.watermark(last), false, true));
        } else {
          replay(peer, requestId, from, last);
        }
      }
      sub.lastSent = last;
    }
  }

  private void replay(Peer peer, String requestId, long from, long last) throws IOException {
    long at = from;
    do {
      List<JournalEntry> entries = journal.after(at, MAX_CHANGES);
      Map<String, JournalEntry> latest = new LinkedHashMap<>();
      BatchBuilder batch = new BatchBuilder(MAX_CHANGES, budget);
      long through = at;
      for (JournalEntry e : entries) {
        if (e.seq > last) break;
        if (!latest.containsKey(e.messageId) && !batch.offer(change(e))) break;
        latest.put(e.messageId, e);
        through = e.seq;
      }
      if (through == at && !entries.isEmpty() && entries.get(0).seq <= last) {
        throw new IOException("journal entry could not be paged");
      }
      at = entries.isEmpty() ? last : through;
      peer.send(page(requestId, batch.items(), journal.watermark(at), at < last, false));
    } while (at < last && peer.isOpen());
  }

  private JsonObject change(JournalEntry e) throws IOException {
    JsonObject c = new JsonObject();
    Optional<SmsRecord> now = e.deleted ? Optional.<SmsRecord>empty() : store.get(e.messageId);
    if (now.isPresent()) {
      c.addProperty("op", "upsert");
      c.add("message", MessageJson.toJson(now.get(), keys.sendKeyFor(now.get().id)));
    } else {
      c.addProperty("op", "delete");
      c.addProperty("id", e.messageId);
    }
    return c;
  }

  private static Message page(
      String ref, JsonArray changes, String watermark, boolean more, boolean reset) {
    JsonObject body = new JsonObject();
    body.add("changes", changes);
    body.addProperty("watermark", watermark);
    body.addProperty("more", more);
    body.addProperty("reset", reset);
    return Message.reply(MessageType.SYNC_CHANGES, ref, body);
  }

  /** Journals a store change and pushes it to every subscribed peer. */
  public void publish(StoreChange change) throws IOException {
    JournalEntry e = journal.append(change.kind == StoreChange.Kind.DELETED, change.messageId);
    for (Map.Entry<Peer, Subscription> s : subscriptions.entrySet()) {
      push(s.getKey(), s.getValue(), change, e);
    }
  }

  private void push(Peer peer, Subscription sub, StoreChange change, JournalEntry e) {
    synchronized (sub) {
      if (e.seq <= sub.lastSent) return;
      sub.lastSent = e.seq;
      peer.send(pushMessage(change, journal.watermark(e.seq)));
    }
  }

  private Message pushMessage(StoreChange change, String watermark) {
    JsonObject body = new JsonObject();
    switch (change.kind) {
      case ADDED:
      case UPDATED:
        body.add("message", MessageJson.toJson(change.record, keys.sendKeyFor(change.messageId)));
        body.addProperty("watermark", watermark);
        return Message.of(
            change.kind == StoreChange.Kind.ADDED
                ? MessageType.MESSAGE_NEW
                : MessageType.MESSAGE_CHANGED,
            body);
      case DELETED:
        body.addProperty("id", change.messageId);
        body.addProperty("watermark", watermark);
        return Message.of(MessageType.MESSAGE_DELETED, body);
      default:
        throw new IllegalStateException("change kind " + change.kind);
    }
  }

  public void forget(Peer peer) {
    subscriptions.remove(peer);
  }
}
