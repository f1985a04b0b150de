package app.textbridge.companion.provider;

import android.content.ContentResolver;
import android.database.Cursor;
import android.database.SQLException;
import android.net.Uri;
import app.textbridge.core.model.ThreadPosition;
import app.textbridge.core.model.ThreadSummary;
import app.textbridge.core.port.EventLog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Conversations in the {@code recent} order of §9.4 (newest message date desc, thread id desc).
 * Read from the threads table ({@code content://mms-sms/conversations?simple=true}); AOSP's
 * provider ignores the sort order there (it hard-codes "date DESC") and takes no LIMIT, so every
 * thread is read and sorted here: a phone has hundreds, rarely thousands. Some OEM providers refuse
 * that URI: then threads are derived from the sms and mms tables themselves, cached until the next
 * provider change.
 */
final class ThreadLister {
  private final ContentResolver resolver;
  private final EventLog log;
  private volatile boolean threadsTableRefused;
  private List<ThreadSummary> derived;
  private long derivedGeneration = -1;

  ThreadLister(ContentResolver resolver, EventLog log) {
    this.resolver = resolver;
    this.log = log;
  }

  List<ThreadSummary> page(ThreadPosition after, int limit, long generation)
      throws ProviderException {
    List<ThreadSummary> all = null;
    if (!threadsTableRefused) {
      try {
        all = fromThreadsTable();
      } catch (SQLException
          | IllegalArgumentException
          | UnsupportedOperationException
          | NullPointerException e) {
        threadsTableRefused = true;
        log.warn(
            "provider",
            "conversations view refused ("
                + e.getClass().getSimpleName()
                + "): deriving threads from the messages");
      }
    }
    if (all == null) {
      all = derived(generation);
    }
    List<ThreadSummary> out = new ArrayList<>();
    for (ThreadSummary t : all) {
      if (out.size() >= limit) {
        break;
      }
      if (after == null || after.isBefore(t)) {
        out.add(t);
      }
    }
    return out;
  }

  private List<ThreadSummary> fromThreadsTable() throws ProviderException {
    List<ThreadSummary> out = new ArrayList<>();
    String[] projection = {Telephony2.ID, Telephony2.THREAD_DATE, Telephony2.THREAD_COUNT};
    try (Cursor c =
        resolver.query(
            Telephony2.THREADS,
            projection,
            Telephony2.THREAD_COUNT + " > 0",
            null,
            Telephony2.THREAD_DATE + " DESC")) {
      if (c == null) {
        throw new NullPointerException("no cursor for the conversations view");
      }
      Row r = new Row(c, projection);
      while (c.moveToNext()) {
        Long id = r.getLong(Telephony2.ID);
        if (id == null) {
          continue;
        }
        out.add(
            new ThreadSummary(
                id, r.getLong(Telephony2.THREAD_DATE, 0), r.getLong(Telephony2.THREAD_COUNT, 0)));
      }
    } catch (SecurityException e) {
      throw new ProviderException("not allowed to read conversations", e);
    }
    sort(out);
    return out;
  }

  private synchronized List<ThreadSummary> derived(long generation) throws ProviderException {
    if (derived != null && derivedGeneration == generation) {
      return derived;
    }
    Map<Long, long[]> threads = new HashMap<>();
    scan(Telephony2.SMS, null, 1, threads);
    scan(Telephony2.MMS, Telephony2.MMS_MESSAGES, 1000, threads);
    List<ThreadSummary> out = new ArrayList<>();
    for (Map.Entry<Long, long[]> e : threads.entrySet()) {
      out.add(new ThreadSummary(e.getKey(), e.getValue()[0], e.getValue()[1]));
    }
    sort(out);
    derived = out;
    derivedGeneration = generation;
    return out;
  }

  private void scan(Uri uri, String selection, long scale, Map<Long, long[]> threads)
      throws ProviderException {
    try (Cursor c =
        resolver.query(
            uri, new String[] {Telephony2.THREAD_ID, Telephony2.DATE}, selection, null, null)) {
      if (c == null) {
        throw new ProviderException("no cursor for " + uri, null);
      }
      while (c.moveToNext()) {
        if (c.isNull(0)) {
          continue;
        }
        long date = c.isNull(1) ? 0 : c.getLong(1) * scale;
        long[] t = threads.get(c.getLong(0));
        if (t == null) {
          threads.put(c.getLong(0), new long[] {date, 1});
        } else {
          t[0] = Math.max(t[0], date);
          t[1]++;
        }
      }
    } catch (SQLException | IllegalArgumentException | SecurityException e) {
      throw new ProviderException("thread scan of " + uri + " failed", e);
    }
  }

  private static void sort(List<ThreadSummary> threads) {
    threads.sort(
        (a, b) ->
            a.newestDate != b.newestDate
                ? Long.compare(b.newestDate, a.newestDate)
                : Long.compare(b.threadId, a.threadId));
  }
}
