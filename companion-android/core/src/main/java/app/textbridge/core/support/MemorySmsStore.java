package app.textbridge.core.support;

import app.textbridge.core.model.HistoryPosition;
import app.textbridge.core.model.PartData;
import app.textbridge.core.model.SmsRecord;
import app.textbridge.core.model.StoreChange;
import app.textbridge.core.model.ThreadPosition;
import app.textbridge.core.model.ThreadSummary;
import app.textbridge.core.port.SmsStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/**
 * An {@link SmsStore} in memory, indexed for a million messages: history order, per-thread order
 * and conversation order are sorted sets, so every page is a range walk. Used by the JVM runner and
 * by tests. Thread-safe; listeners are called outside the lock.
 */
public class MemorySmsStore implements SmsStore {
  private static final Comparator<SmsRecord> HISTORY =
      (a, b) -> HistoryPosition.ORDER.compare(HistoryPosition.of(a), HistoryPosition.of(b));
  private static final Comparator<long[]> THREADS =
      (a, b) -> {
        int byDate = Long.compare(b[0], a[0]);
        return byDate != 0 ? byDate : Long.compare(b[1], a[1]);
      };

  private final Map<String, SmsRecord> byId = new HashMap<>();
  private final TreeSet<SmsRecord> history = new TreeSet<>(HISTORY);
  private final Map<Long, TreeSet<SmsRecord>> threads = new HashMap<>();
  private final TreeSet<long[]> threadOrder = new TreeSet<>(THREADS);
  private final Map<Long, long[]> threadKeys = new HashMap<>();
  private final Map<String, Long> threadOfAddress = new HashMap<>();
  private final Map<String, PartData> partBytes = new HashMap<>();
  private final Map<String, Long> maxIds = new HashMap<>();
  private volatile Listener listener;

  /** Adds or replaces a message without notifying (bulk load). */
  public synchronized void load(SmsRecord r) {
    SmsRecord old = byId.get(r.id);
    if (old != null) unindex(old);
    index(r);
  }

  /** Stores the bytes of an MMS part ({@code data} null: the part answers not_found). */
  public synchronized void loadPart(String partId, String mime, byte[] data) {
    if (data != null) partBytes.put(partId, new PartData(mime, data.length, data));
  }

  /** A new row, as the provider would report it (listener: ADDED). */
  public void add(SmsRecord r) {
    load(r);
    notify(StoreChange.added(r));
  }

  /** A changed row (listener: UPDATED). */
  public void update(SmsRecord r) {
    load(r);
    notify(StoreChange.updated(r));
  }

  /** Deletes a row; returns whether it existed (listener: DELETED). */
  public boolean delete(String id) {
    synchronized (this) {
      SmsRecord old = byId.get(id);
      if (old == null) return false;
      unindex(old);
    }
    notify(StoreChange.deleted(id));
    return true;
  }

  /** The next free id of a kind ({@code sms} or {@code mms}), above every id seen. */
  public synchronized String nextId(String kind) {
    long next = maxIds.getOrDefault(kind, 0L) + 1;
    maxIds.put(kind, next);
    return kind + ":" + next;
  }

  /** The thread id used with these addresses so far, or a new one. */
  public synchronized long threadFor(List<String> addresses) {
    Long t = threadOfAddress.get(String.join(",", addresses));
    if (t != null) return t;
    long max = 0;
    for (Long id : threads.keySet()) max = Math.max(max, id);
    return max + 1;
  }

  /** Reports the carrier's delivery report for one recipient of a sent MMS, as a phone would. */
  public void mmsDelivered(String sentMessageId, String recipient, boolean delivered) {
    Listener l = listener;
    if (l != null) l.onMmsDelivery(sentMessageId, recipient, delivered);
  }

  private void notify(StoreChange change) {
    Listener l = listener;
    if (l != null) l.onChange(change);
  }

  private void index(SmsRecord r) {
    byId.put(r.id, r);
    history.add(r);
    noteId(r.id);
    if (r.threadId == null) return;
    long t = r.threadId;
    threads.computeIfAbsent(t, k -> new TreeSet<>(HISTORY)).add(r);
    reorderThread(t);
    threadOfAddress.put(String.join(",", r.addresses), t);
  }

  private void unindex(SmsRecord r) {
    byId.remove(r.id);
    history.remove(r);
    if (r.threadId == null) return;
    TreeSet<SmsRecord> set = threads.get(r.threadId);
    if (set != null) set.remove(r);
    reorderThread(r.threadId);
  }

  private void reorderThread(long t) {
    long[] old = threadKeys.remove(t);
    if (old != null) threadOrder.remove(old);
    TreeSet<SmsRecord> set = threads.get(t);
    if (set == null || set.isEmpty()) {
      threads.remove(t);
      return;
    }
    long[] key = {set.first().date, t, set.size()};
    threadKeys.put(t, key);
    threadOrder.add(key);
  }

  private void noteId(String id) {
    int colon = id.indexOf(':');
    if (colon < 0) return;
    try {
      long n = Long.parseLong(id.substring(colon + 1));
      String kind = id.substring(0, colon);
      if (n > maxIds.getOrDefault(kind, 0L)) maxIds.put(kind, n);
    } catch (NumberFormatException e) {
      // Not a numeric id: nothing to reserve.
    }
  }

  @Override
  public synchronized List<SmsRecord> history(HistoryPosition after, int limit) {
    NavigableSet<SmsRecord> tail = after == null ? history : history.tailSet(probe(after), false);
    return take(tail.iterator(), limit);
  }

  @Override
  public synchronized long count() {
    return history.size();
  }

  @Override
  public synchronized List<ThreadSummary> threads(ThreadPosition after, int limit) {
    NavigableSet<long[]> tail =
        after == null
            ? threadOrder
            : threadOrder.tailSet(new long[] {after.newestDate, after.threadId, 0}, false);
    List<ThreadSummary> out = new ArrayList<>();
    for (Iterator<long[]> it = tail.iterator(); it.hasNext() && out.size() < limit; ) {
      long[] k = it.next();
      out.add(new ThreadSummary(k[1], k[0], k[2]));
    }
    return out;
  }

  @Override
  public synchronized List<SmsRecord> newestInThread(long threadId, int limit) {
    TreeSet<SmsRecord> set = threads.get(threadId);
    return set == null ? new ArrayList<SmsRecord>() : take(set.iterator(), limit);
  }

  @Override
  public synchronized Optional<SmsRecord> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized Optional<PartData> readPart(String partId, long offset, int length) {
    PartData p = partBytes.get(partId);
    if (p == null) return Optional.empty();
    int from = (int) Math.min(offset, p.bytes.length);
    int to = (int) Math.min((long) from + length, p.bytes.length);
    byte[] slice = new byte[to - from];
    System.arraycopy(p.bytes, from, slice, 0, slice.length);
    return Optional.of(new PartData(p.mime, p.total, slice));
  }

  @Override
  public synchronized Optional<Integer> lastSubIdWith(String address) {
    Long t = threadOfAddress.get(address);
    TreeSet<SmsRecord> set = t == null ? null : threads.get(t);
    if (set == null || set.isEmpty()) return Optional.empty();
    return Optional.ofNullable(set.first().subId);
  }

  @Override
  public void setListener(Listener listener) {
    this.listener = listener;
  }

  private static SmsRecord probe(HistoryPosition p) {
    return new SmsRecord(
        p.id,
        SmsRecord.Kind.SMS,
        null,
        SmsRecord.Box.INBOX,
        java.util.Collections.singletonList("-"),
        null,
        p.date,
        null,
        "",
        true,
        SmsRecord.DeliveryStatus.NONE,
        null,
        java.util.Collections.emptyList());
  }

  private static List<SmsRecord> take(Iterator<SmsRecord> it, int limit) {
    List<SmsRecord> out = new ArrayList<>();
    while (it.hasNext() && out.size() < limit) out.add(it.next());
    return out;
  }
}
