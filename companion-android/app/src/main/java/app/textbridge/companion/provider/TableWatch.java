package app.textbridge.companion.provider;

import android.content.ContentResolver;
import android.database.Cursor;
import android.database.SQLException;
import android.net.Uri;
import app.textbridge.companion.store.WatchStateStore;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The watermark state of one provider table, for {@link ProviderWatcher}. A scan compares:
 *
 * <ul>
 *   <li>every row id (one light query of {@code _id} only) with the ids seen before: ids above the
 *       old highest are new rows, ids that vanished were deleted anywhere in the history;
 *   <li>a fingerprint (box, read, status, date, thread) of the recent window (the newest {@value
 *       #WINDOW} rows plus every unread row) with the last one: a difference is an update (outbox →
 *       sent, a delivery report, marked read in the default app). An id reused after the newest row
 *       was deleted (sms and pdu use INTEGER PRIMARY KEY without AUTOINCREMENT) shows as a changed
 *       date, so it becomes an update carrying the new row.
 * </ul>
 *
 * The state is saved in the companion database after the changes were handed on, so a change made
 * while the app was not running is found at the next start.
 */
final class TableWatch {
  static final int WINDOW = 400;
  final String name;
  final boolean sms;
  private final Uri uri;
  private final String where;
  private final String[] fingerprintColumns;
  private final WatchStateStore state;
  private boolean loaded;
  private boolean primed;
  private long[] known = new long[0];
  private Map<Long, String> fingerprints = new HashMap<>();

  TableWatch(boolean sms, WatchStateStore state) {
    this.sms = sms;
    this.name = sms ? "sms" : "mms";
    this.uri = sms ? Telephony2.SMS : Telephony2.MMS;
    this.where = sms ? null : Telephony2.MMS_MESSAGES;
    this.fingerprintColumns =
        sms
            ? new String[] {
              Telephony2.ID,
              Telephony2.SMS_TYPE,
              Telephony2.READ,
              Telephony2.SMS_STATUS,
              Telephony2.DATE,
              Telephony2.THREAD_ID
            }
            : new String[] {
              Telephony2.ID,
              Telephony2.MMS_BOX,
              Telephony2.READ,
              Telephony2.MMS_TYPE,
              Telephony2.DATE,
              Telephony2.THREAD_ID
            };
    this.state = state;
  }

  /** What one scan found; {@link #commit} makes it the new baseline. */
  static final class Diff {
    final boolean silent;
    final long[] added;
    final long[] removed;
    final long[] changed;
    final long[] ids;
    final Map<Long, String> window;

    Diff(
        boolean silent,
        long[] added,
        long[] removed,
        long[] changed,
        long[] ids,
        Map<Long, String> window) {
      this.silent = silent;
      this.added = added;
      this.removed = removed;
      this.changed = changed;
      this.ids = ids;
      this.window = window;
    }
  }

  Diff scan(ContentResolver resolver) throws IOException {
    if (!loaded) {
      WatchStateStore.Snapshot saved = state.load(name);
      primed = saved != null;
      if (saved != null) {
        known = saved.ids;
        fingerprints = saved.fingerprints;
      }
      loaded = true;
    }
    long[] ids = ids(resolver);
    long floor = ids.length > WINDOW ? ids[ids.length - WINDOW] : Long.MIN_VALUE;
    Map<Long, String> window = window(resolver, floor);
    if (!primed) {
      // First run: the desktop gets the history by sync.request; only later changes are news.
      return new Diff(true, new long[0], new long[0], new long[0], ids, window);
    }
    long[] added = minus(ids, known);
    long[] removed = minus(known, ids);
    long[] changed = new long[window.size()];
    int n = 0;
    for (Map.Entry<Long, String> e : window.entrySet()) {
      String before = fingerprints.get(e.getKey());
      if (before != null
          && !before.equals(e.getValue())
          && Arrays.binarySearch(added, e.getKey()) < 0) {
        changed[n++] = e.getKey();
      }
    }
    changed = Arrays.copyOf(changed, n);
    Arrays.sort(changed);
    return new Diff(false, added, removed, changed, ids, window);
  }

  void commit(Diff d) throws IOException {
    Map<Long, String> upserts = new HashMap<>();
    if (d.silent) {
      for (long id : d.ids) {
        upserts.put(id, d.window.get(id));
      }
    } else {
      for (long id : d.added) {
        upserts.put(id, d.window.get(id));
      }
      for (Map.Entry<Long, String> e : d.window.entrySet()) {
        if (!e.getValue().equals(fingerprints.get(e.getKey()))) {
          upserts.put(e.getKey(), e.getValue());
        }
      }
      for (Long id : fingerprints.keySet()) {
        if (!d.window.containsKey(id) && Arrays.binarySearch(d.removed, id) < 0) {
          upserts.put(id, null); // left the window: keep the id, drop its fingerprint
        }
      }
    }
    state.apply(name, d.silent ? new long[0] : d.removed, upserts);
    known = d.ids;
    fingerprints = d.window;
    primed = true;
  }

  private long[] ids(ContentResolver resolver) throws ProviderException {
    try (Cursor c = resolver.query(uri, new String[] {Telephony2.ID}, where, null, Telephony2.ID)) {
      if (c == null) {
        throw new ProviderException("no cursor for " + uri, null);
      }
      long[] out = new long[c.getCount()];
      int n = 0;
      while (c.moveToNext()) {
        if (!c.isNull(0)) {
          out[n++] = c.getLong(0);
        }
      }
      out = Arrays.copyOf(out, n);
      Arrays.sort(out); // some OEM providers ignore the sort order
      return out;
    } catch (SQLException | IllegalArgumentException | SecurityException e) {
      throw new ProviderException("id scan of " + uri + " failed", e);
    }
  }

  private Map<Long, String> window(ContentResolver resolver, long floor) throws ProviderException {
    String w = "(" + Telephony2.ID + " >= " + floor + " OR " + Telephony2.READ + " = 0)";
    Map<Long, String> out = new HashMap<>();
    try (Cursor c =
        resolver.query(
            uri, fingerprintColumns, where == null ? w : where + " AND " + w, null, null)) {
      if (c == null) {
        throw new ProviderException("no cursor for " + uri, null);
      }
      while (c.moveToNext()) {
        if (c.isNull(0)) {
          continue;
        }
        StringBuilder fp = new StringBuilder();
        for (int i = 1; i < fingerprintColumns.length; i++) {
          fp.append(i == 1 ? "" : "|").append(c.isNull(i) ? "" : c.getString(i));
        }
        out.put(c.getLong(0), fp.toString());
      }
      return out;
    } catch (SQLException | IllegalArgumentException | SecurityException e) {
      throw new ProviderException("window scan of " + uri + " failed", e);
    }
  }

  /** Sorted a minus sorted b. */
  static long[] minus(long[] a, long[] b) {
    long[] out = new long[a.length];
    int n = 0;
    int j = 0;
    for (long x : a) {
      while (j < b.length && b[j] < x) {
        j++;
      }
      if (j >= b.length || b[j] != x) {
        out[n++] = x;
      }
    }
    return Arrays.copyOf(out, n);
  }
}
