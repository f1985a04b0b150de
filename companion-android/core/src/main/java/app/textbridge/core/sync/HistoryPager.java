package app.textbridge.core.sync;

import app.textbridge.core.model.HistoryPosition;
import app.textbridge.core.model.SmsRecord;
import app.textbridge.core.model.ThreadPosition;
import app.textbridge.core.model.ThreadSummary;
import app.textbridge.core.port.SmsStore;
import app.textbridge.core.protocol.message.Message;
import app.textbridge.core.protocol.message.MessageType;
import app.textbridge.core.session.RequestException;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.List;

/**
 * {@code sync.request} → {@code sync.batch} (PROTOCOL.md §9.4). Cursors are opaque to the desktop:
 * {@code h:<date>:<id>} (history: the last message sent) and {@code
 * r:<perThread>:<threadDate>:<threadId>:<skip>} (recent: the thread to resume and how many of its
 * newest messages were already sent). Batches stay under the frame budget.
 */
public final class HistoryPager {
  private static final int THREAD_PAGE = 200;
  private static final int DEFAULT_PER_THREAD = 25;
  private final SmsStore store;
  private final SendKeyLookup keys;
  private final int budget;

  public HistoryPager(SmsStore store, SendKeyLookup keys, int budgetBytes) {
    this.store = store;
    this.keys = keys;
    this.budget = budgetBytes;
  }

  public Message handle(Message request) throws IOException, RequestException {
    JsonObject body = request.body();
    String scope = body.get("scope").getAsString();
    String cursor = body.get("cursor").isJsonNull() ? null : body.get("cursor").getAsString();
    int limit = body.get("limit").getAsInt();
    int perThread = body.has("perThread") ? body.get("perThread").getAsInt() : DEFAULT_PER_THREAD;
    JsonObject out =
        scope.equals("history") ? history(cursor, limit) : recent(cursor, limit, perThread);
    out.addProperty("scope", scope);
    return Message.reply(MessageType.SYNC_BATCH, request.id, reorder(out));
  }

  private JsonObject history(String cursor, int limit) throws IOException, RequestException {
    HistoryPosition after = cursor == null ? null : parseHistory(cursor);
    List<SmsRecord> rows = store.history(after, limit + 1);
    BatchBuilder batch = new BatchBuilder(limit, budget);
    SmsRecord last = null;
    for (SmsRecord r : rows) {
      if (!batch.offer(MessageJson.toJson(r, keys.sendKeyFor(r.id)))) break;
      last = r;
    }
    boolean more = rows.size() > batch.size();
    JsonObject out = new JsonObject();
    out.add("messages", batch.items());
    out.addProperty("cursor", more && last != null ? "h:" + last.date + ":" + last.id : null);
    out.addProperty("total", store.count());
    return out;
  }

  private JsonObject recent(String cursor, int limit, int perThread)
      throws IOException, RequestException {
    RecentCursor at = cursor == null ? null : RecentCursor.parse(cursor);
    if (at != null) perThread = at.perThread;
    BatchBuilder batch = new BatchBuilder(limit, budget);
    RecentCursor next = null;
    ThreadPosition after = at == null ? null : new ThreadPosition(at.threadDate, at.threadId);
    if (at != null) next = fill(batch, at.threadId, at.threadDate, at.skip, perThread);
    while (next == null && !batch.isFull()) {
      List<ThreadSummary> threads = store.threads(after, THREAD_PAGE);
      for (ThreadSummary t : threads) {
        next = fill(batch, t.threadId, t.newestDate, 0, perThread);
        after = new ThreadPosition(t.newestDate, t.threadId);
        if (next != null || batch.isFull()) break;
      }
      if (threads.size() < THREAD_PAGE) break;
    }
    if (next == null && batch.isFull() && after != null && moreThreadsAfter(after)) {
      // Cut exactly at a thread's end: resume after it (skip = all of it).
      next = new RecentCursor(perThread, after.newestDate, after.threadId, perThread);
    }
    JsonObject out = new JsonObject();
    out.add("messages", batch.items());
    out.addProperty("cursor", next == null ? null : next.encode());
    out.addProperty("total", recentTotal(perThread));
    return out;
  }

  /** Adds one thread's newest messages from {@code skip}; returns where to resume if cut. */
  private RecentCursor fill(
      BatchBuilder batch, long threadId, long threadDate, int skip, int perThread)
      throws IOException {
    List<SmsRecord> rows = store.newestInThread(threadId, perThread);
    for (int i = skip; i < rows.size(); i++) {
      SmsRecord r = rows.get(i);
      if (!batch.offer(MessageJson.toJson(r, keys.sendKeyFor(r.id)))) {
        return new RecentCursor(perThread, threadDate, threadId, i);
      }
    }
    return null;
  }

  private boolean moreThreadsAfter(ThreadPosition after) throws IOException {
    return !store.threads(after, 1).isEmpty();
  }

  private long recentTotal(int perThread) throws IOException {
    long total = 0;
    ThreadPosition after = null;
    while (true) {
      List<ThreadSummary> threads = store.threads(after, THREAD_PAGE);
      for (ThreadSummary t : threads) {
        total += Math.min(t.messageCount, perThread);
        after = new ThreadPosition(t.newestDate, t.threadId);
      }
      if (threads.size() < THREAD_PAGE) return total;
    }
  }

  private static HistoryPosition parseHistory(String cursor) throws RequestException {
    String[] p = cursor.split(":", 3);
    if (p.length != 3 || !p[0].equals("h") || !p[1].matches("[0-9]{1,16}") || p[2].isEmpty()) {
      throw new RequestException(RequestException.Code.BAD_REQUEST, "bad cursor");
    }
    return new HistoryPosition(Long.parseLong(p[1]), p[2]);
  }

  /** Same key order as the spec's example (scope, messages, cursor, total). */
  private static JsonObject reorder(JsonObject o) {
    JsonObject out = new JsonObject();
    for (String k : new String[] {"scope", "messages", "cursor", "total"}) out.add(k, o.get(k));
    return out;
  }

  /** Where a recent-scope pass resumes. */
  static final class RecentCursor {
    final int perThread;
    final long threadDate;
    final long threadId;
    final int skip;

    RecentCursor(int perThread, long threadDate, long threadId, int skip) {
      this.perThread = perThread;
      this.threadDate = threadDate;
      this.threadId = threadId;
      this.skip = skip;
    }

    String encode() {
      return "r:" + perThread + ":" + threadDate + ":" + threadId + ":" + skip;
    }

    static RecentCursor parse(String cursor) throws RequestException {
      String[] p = cursor.split(":", -1);
      if (p.length != 5 || !p[0].equals("r")) throw bad();
      for (int i = 1; i < 5; i++) if (!p[i].matches("[0-9]{1,16}")) throw bad();
      int perThread = Integer.parseInt(p[1]);
      int skip = Integer.parseInt(p[4]);
      if (perThread < 1 || perThread > 100 || skip > perThread) throw bad();
      return new RecentCursor(perThread, Long.parseLong(p[2]), Long.parseLong(p[3]), skip);
    }

    private static RequestException bad() {
      return new RequestException(RequestException.Code.BAD_REQUEST, "bad cursor");
    }
  }
}
