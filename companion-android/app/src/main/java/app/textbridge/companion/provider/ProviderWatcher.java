package app.textbridge.companion.provider;

import android.content.ContentResolver;
import android.database.ContentObserver;
import android.net.Uri;
import android.os.Handler;
import android.os.HandlerThread;
import app.textbridge.companion.store.WatchStateStore;
import app.textbridge.core.model.SmsRecord;
import app.textbridge.core.model.StoreChange;
import app.textbridge.core.port.EventLog;
import app.textbridge.core.port.SmsStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the provider's "something changed" into per-row ADDED / UPDATED / DELETED for the core
 * (PORTS.md SmsStore.setListener), and owns the listener they go to: the core sets it through
 * {@link ProviderSmsStore#setListener}, which passes it here. A ContentObserver on {@code
 * content://mms-sms/} (and on content://sms and content://mms, which some OEM providers notify
 * without the former) runs on its own HandlerThread; notifications come in bursts (one insert
 * notifies three URIs), so a scan waits {@value #DEBOUNCE_MS} ms for the burst to settle. Scans run
 * one at a time; each change is handed on exactly once and the watermarks are saved only after that
 * (see {@link TableWatch}).
 *
 * <p>A new MMS is written in steps (PduPersister: the pdu row, then its addresses, then its parts),
 * so a scan can see the row before its text. New MMS rows are therefore read again for {@value
 * #YOUNG_MS} ms after they appear and re-sent as UPDATED if their content grew; one that could not
 * be read at all yet is sent as ADDED once it can.
 */
public final class ProviderWatcher {
  static final long DEBOUNCE_MS = 400;
  static final long YOUNG_MS = 30_000;

  /** SMS_RECEIVED reaches us before the default SMS app has written the row (Android 4.4+). */
  private static final long[] NUDGES = {500, 2_000, 6_000};

  private final ContentResolver resolver;
  private final ProviderSmsStore store;
  private final EventLog log;
  private final TableWatch smsTable;
  private final TableWatch mmsTable;
  private final MmsDeliveryReports reports;

  /** New MMS ids → content hash last sent (null: not sent yet) and when first seen. */
  private final Map<Long, Object[]> young = new HashMap<>();

  private final Runnable debounced = this::scanQuietly;
  private HandlerThread thread;
  private Handler handler;
  private ContentObserver observer;
  private volatile SmsStore.Listener listener;

  /** Watches {@code store}'s provider; from here on the store's listener is this watcher's. */
  public ProviderWatcher(
      ContentResolver resolver, ProviderSmsStore store, WatchStateStore state, EventLog log) {
    this.resolver = resolver;
    this.store = store;
    this.log = log;
    this.smsTable = new TableWatch(true, state);
    this.mmsTable = new TableWatch(false, state);
    this.reports = new MmsDeliveryReports(state);
    store.watchedBy(this);
  }

  /** Where changes go (null: nowhere); set through {@link ProviderSmsStore#setListener}. */
  void setListener(SmsStore.Listener listener) {
    this.listener = listener;
  }

  public synchronized void start() {
    if (thread != null) {
      return;
    }
    thread = new HandlerThread("textbridge-provider");
    thread.start();
    handler = new Handler(thread.getLooper());
    observer =
        new ContentObserver(handler) {
          @Override
          public void onChange(boolean selfChange, Uri uri) {
            schedule(DEBOUNCE_MS);
          }
        };
    for (Uri uri : new Uri[] {Telephony2.MMS_SMS, Telephony2.SMS, Telephony2.MMS}) {
      try {
        resolver.registerContentObserver(uri, true, observer);
      } catch (SecurityException e) {
        log.warn("provider", "cannot observe " + uri + ": " + e.getClass().getSimpleName());
      }
    }
    handler.post(debounced); // catches up on what changed while the app was not running
  }

  /** A text just arrived: look a few times over the next seconds (see {@link #NUDGES}). */
  public synchronized void nudge() {
    if (handler == null) {
      return;
    }
    for (long delay : NUDGES) {
      handler.postDelayed(this::scanQuietly, delay);
    }
  }

  public synchronized void stop() {
    if (thread == null) {
      return;
    }
    resolver.unregisterContentObserver(observer);
    handler.removeCallbacksAndMessages(null);
    thread.quitSafely();
    thread = null;
    handler = null;
  }

  private synchronized void schedule(long delay) {
    if (handler != null) {
      handler.removeCallbacks(debounced);
      handler.postDelayed(debounced, delay);
    }
  }

  private void scanQuietly() {
    try {
      scan();
    } catch (IOException | RuntimeException e) {
      // Nothing was committed: the next notification or nudge scans again from the same baseline.
      log.warn("provider", "scan failed: " + e.getClass().getSimpleName());
    }
  }

  /** One scan of both tables (also called directly by tests). */
  synchronized void scan() throws IOException {
    store.changed();
    TableWatch.Diff sms = smsTable.scan(resolver);
    TableWatch.Diff mms = mmsTable.scan(resolver);
    List<StoreChange> changes = new ArrayList<>();
    for (long id : sms.removed) {
      changes.add(StoreChange.deleted("sms:" + id));
    }
    for (long id : mms.removed) {
      changes.add(StoreChange.deleted("mms:" + id));
      young.remove(id);
    }
    List<SmsRecord> added = new ArrayList<>(store.byIds(true, sms.added));
    List<SmsRecord> updated = new ArrayList<>(store.byIds(true, sms.changed));
    long now = System.currentTimeMillis();
    for (long id : mms.added) {
      young.put(id, new Object[] {null, now});
    }
    updated.addAll(store.byIds(false, mms.changed));
    recheckYoung(added, updated, now);
    // Oldest first, as they happened; byIds returns newest first.
    Collections.reverse(added);
    added.sort((a, b) -> Long.compare(a.date, b.date));
    for (SmsRecord r : added) {
      changes.add(StoreChange.added(r));
    }
    for (SmsRecord r : updated) {
      changes.add(StoreChange.updated(r));
    }
    SmsStore.Listener l = listener;
    if (l != null) {
      for (StoreChange c : changes) {
        l.onChange(c);
      }
    }
    smsTable.commit(sms);
    mmsTable.commit(mms);
    boolean held = false;
    try {
      held = reports.scan(resolver, l);
    } catch (IOException | RuntimeException e) {
      // An OEM provider without the report columns must not stop the messages: tried again next.
      log.warn("provider", "delivery report scan failed: " + e.getClass().getSimpleName());
    }
    if (!young.isEmpty() || held) {
      schedule(3_000);
    }
  }

  private void recheckYoung(List<SmsRecord> added, List<SmsRecord> updated, long now)
      throws IOException {
    if (young.isEmpty()) {
      return;
    }
    long[] ids = new long[young.size()];
    int n = 0;
    for (Long id : young.keySet()) {
      ids[n++] = id;
    }
    Map<Long, SmsRecord> found = new HashMap<>();
    store.forgetMms(ids);
    for (SmsRecord r : store.byIds(false, ids)) {
      found.put(Long.parseLong(r.id.substring(4)), r);
    }
    for (long id : ids) {
      Object[] y = young.get(id);
      SmsRecord r = found.get(id);
      if (r != null) {
        String hash = r.body.hashCode() + "/" + r.parts.size() + "/" + r.addresses;
        if (y[0] == null) {
          added.add(r);
          updated.removeIf(u -> u.id.equals(r.id));
        } else if (!hash.equals(y[0])) {
          updated.removeIf(u -> u.id.equals(r.id));
          updated.add(r);
        }
        y[0] = hash;
      }
      if (now - (Long) y[1] > YOUNG_MS) {
        young.remove(id);
      }
    }
  }
}
