package app.textbridge.core.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.textbridge.core.model.PartInfo;
import app.textbridge.core.model.SmsRecord;
import app.textbridge.core.protocol.Constants;
import app.textbridge.core.protocol.Role;
import app.textbridge.core.protocol.message.Message;
import app.textbridge.core.protocol.message.MessageCodec;
import app.textbridge.core.protocol.message.MessageType;
import app.textbridge.core.support.MemorySmsStore;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** sync.request scopes (§9.4): order, cursors, totals, the frame budget. */
class SyncPagingTest {
  static SmsRecord sms(long n, long thread, long date, String body) {
    return new SmsRecord(
        "sms:" + n,
        SmsRecord.Kind.SMS,
        thread,
        SmsRecord.Box.INBOX,
        Collections.singletonList("+1555000" + thread),
        "+1555000" + thread,
        date,
        null,
        body,
        true,
        SmsRecord.DeliveryStatus.NONE,
        1,
        Collections.<PartInfo>emptyList());
  }

  static MemorySmsStore store(int threads, int perThread) {
    MemorySmsStore s = new MemorySmsStore();
    long n = 0;
    for (int t = 1; t <= threads; t++) {
      for (int i = 0; i < perThread + t; i++) {
        n++;
        s.load(sms(n, t, 1_700_000_000_000L + (n * 7919) % 100_000 * 1000, "m" + n));
      }
    }
    return s;
  }

  static Message request(String scope, String cursor, int limit, Integer perThread) {
    JsonObject b = new JsonObject();
    b.addProperty("scope", scope);
    if (cursor == null) b.add("cursor", JsonNull.INSTANCE);
    else b.addProperty("cursor", cursor);
    b.addProperty("limit", limit);
    if (perThread != null) b.addProperty("perThread", perThread);
    return Message.request(MessageType.SYNC_REQUEST, "r1", b);
  }

  @Test
  void historyPagesEveryMessageOnceInOrder() throws Exception {
    MemorySmsStore s = store(30, 40);
    HistoryPager pager = new HistoryPager(s, id -> null, Constants.MAX_PLAINTEXT_BYTES - 16384);
    String cursor = null;
    List<JsonObject> all = new ArrayList<>();
    int pages = 0;
    do {
      Message batch = pager.handle(request("history", cursor, 97, null));
      MessageCodec.encode(batch, Role.PHONE);
      JsonObject b = batch.body();
      assertEquals(s.count(), b.get("total").getAsLong());
      for (JsonElement m : b.getAsJsonArray("messages")) all.add(m.getAsJsonObject());
      cursor = b.get("cursor").isJsonNull() ? null : b.get("cursor").getAsString();
      pages++;
    } while (cursor != null);
    assertEquals(s.count(), all.size());
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < all.size(); i++) {
      assertTrue(ids.add(all.get(i).get("id").getAsString()));
      if (i > 0) {
        long prev = all.get(i - 1).get("date").getAsLong();
        long cur = all.get(i).get("date").getAsLong();
        assertTrue(
            prev > cur
                || (prev == cur
                    && all.get(i - 1)
                            .get("id")
                            .getAsString()
                            .compareTo(all.get(i).get("id").getAsString())
                        > 0));
      }
    }
    assertTrue(pages > 10);
  }

  @Test
  void recentGivesNewestPerThreadInConversationOrder() throws Exception {
    MemorySmsStore s = store(25, 3);
    HistoryPager pager = new HistoryPager(s, id -> null, Constants.MAX_PLAINTEXT_BYTES - 16384);
    String cursor = null;
    Map<Long, Integer> perThread = new HashMap<>();
    List<Long> threadOrder = new ArrayList<>();
    long total = -1;
    do {
      JsonObject b = pager.handle(request("recent", cursor, 7, 5)).body();
      total = b.get("total").getAsLong();
      for (JsonElement m : b.getAsJsonArray("messages")) {
        long t = m.getAsJsonObject().get("threadId").getAsLong();
        perThread.merge(t, 1, Integer::sum);
        if (threadOrder.isEmpty() || threadOrder.get(threadOrder.size() - 1) != t)
          threadOrder.add(t);
      }
      cursor = b.get("cursor").isJsonNull() ? null : b.get("cursor").getAsString();
    } while (cursor != null);
    assertEquals(25, perThread.size());
    // Thread t holds 3 + t messages: thread 1 has 4, every other one at least 5.
    for (Map.Entry<Long, Integer> e : perThread.entrySet()) {
      assertEquals(Math.min(3 + e.getKey(), 5), (long) e.getValue());
    }
    assertEquals(4 + 24 * 5, total);
    assertEquals(25, threadOrder.size(), "each thread's messages come together");
    long prevNewest = Long.MAX_VALUE;
    for (long t : threadOrder) {
      long newest = s.newestInThread(t, 1).get(0).date;
      assertTrue(newest <= prevNewest, "threads by newest message, newest first");
      prevNewest = newest;
    }
  }

  @Test
  void largeBodiesStayUnderTheFrameCap() throws Exception {
    MemorySmsStore s = new MemorySmsStore();
    StringBuilder big = new StringBuilder();
    // Control characters escape to six bytes each: the worst case for the encoded size.
    for (int i = 0; i < 262_144; i++) big.append(i % 2 == 0 ? '\u0001' : 'é');
    for (int i = 1; i <= 12; i++) s.load(sms(i, 1, 1_700_000_000_000L + i, big.toString()));
    HistoryPager pager = new HistoryPager(s, id -> null, Constants.MAX_PLAINTEXT_BYTES - 16384);
    String cursor = null;
    int seen = 0;
    do {
      Message batch = pager.handle(request("history", cursor, 1000, null));
      byte[] plain = MessageCodec.encode(batch, Role.PHONE);
      assertTrue(plain.length <= Constants.MAX_PLAINTEXT_BYTES, "batch of " + plain.length);
      seen += batch.body().getAsJsonArray("messages").size();
      cursor =
          batch.body().get("cursor").isJsonNull() ? null : batch.body().get("cursor").getAsString();
    } while (cursor != null);
    assertEquals(12, seen);
  }

  @Test
  void badCursorIsABadRequest() {
    MemorySmsStore s = store(1, 1);
    HistoryPager pager = new HistoryPager(s, id -> null, 1 << 20);
    app.textbridge.core.session.RequestException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            app.textbridge.core.session.RequestException.class,
            () -> pager.handle(request("history", "nonsense", 10, null)));
    assertEquals("bad_request", e.code.wire);
    assertFalse(e.getMessage().isEmpty());
    assertNull(null);
  }
}
