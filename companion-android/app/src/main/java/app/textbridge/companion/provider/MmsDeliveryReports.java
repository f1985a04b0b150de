package app.textbridge.companion.provider;

import android.content.ContentResolver;
import android.database.Cursor;
import android.database.SQLException;
import app.textbridge.companion.store.WatchStateStore;
import app.textbridge.core.port.SmsStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The carriers' MMS delivery reports, for {@link ProviderWatcher}: the system (or the default SMS
 * app) stores each m-delivery-ind in {@code content://mms} as a row with {@code m_type} 134 whose
 * {@code m_id} is the sent message's, its X-Mms-Status in {@code st} and the recipient it is about
 * in its addr rows of type TO (as AOSP Messaging's report view reads them). Each report is told
 * once through {@link SmsStore.Listener#onMmsDelivery} with the sent row ({@code m_type} 128, same
 * {@code m_id}).
 *
 * <p>Cheap: only rows above the highest delivery-ind id handled so far are read; that id is saved
 * with the watcher's state after the reports were handed on. The first run only primes it (the
 * history needs no reports). A report row is written in steps (the pdu row, then its addresses), so
 * one without addresses yet is held for {@value #HOLD_MS} ms: the watermark stays below it and it
 * is read again, then it is passed over (the reports after it are still told, once per process;
 * after a restart inside that window one may be told again, which the core ignores). A report whose
 * sent row is not there is not about a message on this phone (the sent row and its m_id are written
 * when the MMSC accepts the message, long before any report): it is passed over at once.
 */
final class MmsDeliveryReports {
  static final long HOLD_MS = 30_000;
  private static final String MARK = "mms-delivery-ind";
  private static final String[] ROW = {
    Telephony2.ID, Telephony2.MMS_MESSAGE_ID, Telephony2.MMS_STATUS
  };

  private final WatchStateStore state;
  private boolean loaded;
  private Long mark;

  /** Report ids above the mark already told (while an older one is held), and held ids. */
  private final Set<Long> told = new HashSet<>();

  private final Map<Long, Long> heldSince = new HashMap<>();

  MmsDeliveryReports(WatchStateStore state) {
    this.state = state;
  }

  /** One pass; returns whether a report is held (the caller scans again soon). */
  boolean scan(ContentResolver resolver, SmsStore.Listener listener) throws IOException {
    if (!loaded) {
      mark = state.loadMark(MARK);
      loaded = true;
    }
    String where = Telephony2.MMS_TYPE + " = " + Telephony2.MMS_TYPE_DELIVERY_IND;
    if (mark == null) {
      long highest = 0;
      for (long[] r : reportIds(resolver, where)) {
        highest = Math.max(highest, r[0]);
      }
      state.saveMark(MARK, highest);
      mark = highest;
      return false;
    }
    long now = System.currentTimeMillis();
    long next = mark;
    boolean holding = false;
    try (Cursor c =
        resolver.query(
            Telephony2.MMS,
            ROW,
            where + " AND " + Telephony2.ID + " > " + mark,
            null,
            Telephony2.ID)) {
      if (c == null) {
        throw new ProviderException("no cursor for delivery reports", null);
      }
      List<Object[]> rows = new ArrayList<>();
      while (c.moveToNext()) {
        if (!c.isNull(0)) {
          rows.add(new Object[] {c.getLong(0), c.getString(1), c.isNull(2) ? 0 : c.getInt(2)});
        }
      }
      rows.sort((a, b) -> Long.compare((Long) a[0], (Long) b[0])); // some OEMs ignore the order
      for (Object[] r : rows) {
        long id = (Long) r[0];
        String mid = (String) r[1];
        int status = (Integer) r[2];
        List<String> to = recipients(resolver, id);
        Long sent = mid == null ? null : sentRow(resolver, mid);
        if (to.isEmpty()) {
          Long since = heldSince.get(id);
          if (since == null) {
            heldSince.put(id, now);
            since = now;
          }
          if (now - since <= HOLD_MS) {
            holding = true; // not complete yet: the mark stays below it
            continue;
          }
        }
        heldSince.remove(id);
        if (!holding) {
          next = id;
        }
        Boolean delivered = outcome(status);
        if (to.isEmpty() || sent == null || delivered == null || !told.add(id)) {
          continue;
        }
        if (listener != null) {
          for (String address : to) {
            listener.onMmsDelivery("mms:" + sent, address, delivered);
          }
        }
      }
    } catch (SQLException | IllegalArgumentException | SecurityException e) {
      throw new ProviderException("delivery report scan failed", e);
    }
    if (next != mark) {
      state.saveMark(MARK, next);
      mark = next;
      final long m = next;
      told.removeIf(id -> id <= m);
    }
    return holding;
  }

  /**
   * Retrieved or Forwarded: delivered (AOSP Messaging reads it so); Expired, Rejected, Unreachable:
   * not delivered; anything else (Deferred, Indeterminate, Unrecognised, none) says nothing final.
   */
  static Boolean outcome(int status) {
    switch (status) {
      case Telephony2.MMS_STATUS_RETRIEVED:
      case Telephony2.MMS_STATUS_FORWARDED:
        return Boolean.TRUE;
      case Telephony2.MMS_STATUS_EXPIRED:
      case Telephony2.MMS_STATUS_REJECTED:
      case Telephony2.MMS_STATUS_UNREACHABLE:
        return Boolean.FALSE;
      default:
        return null;
    }
  }

  private static List<long[]> reportIds(ContentResolver resolver, String where)
      throws ProviderException {
    List<long[]> out = new ArrayList<>();
    try (Cursor c =
        resolver.query(Telephony2.MMS, new String[] {Telephony2.ID}, where, null, null)) {
      if (c == null) {
        throw new ProviderException("no cursor for delivery reports", null);
      }
      while (c.moveToNext()) {
        if (!c.isNull(0)) {
          out.add(new long[] {c.getLong(0)});
        }
      }
      return out;
    } catch (SQLException | IllegalArgumentException | SecurityException e) {
      throw new ProviderException("delivery report scan failed", e);
    }
  }

  /** The newest sent MMS with this Message-ID, or null. */
  private static Long sentRow(ContentResolver resolver, String messageId) {
    try (Cursor c =
        resolver.query(
            Telephony2.MMS,
            new String[] {Telephony2.ID},
            Telephony2.MMS_MESSAGE_ID
                + " = ? AND "
                + Telephony2.MMS_TYPE
                + " = "
                + Telephony2.MMS_TYPE_SEND_REQ,
            new String[] {messageId},
            Telephony2.ID + " DESC")) {
      long best = -1;
      while (c != null && c.moveToNext()) {
        if (!c.isNull(0)) {
          best = Math.max(best, c.getLong(0));
        }
      }
      return best < 0 ? null : best;
    }
  }

  /** The TO addresses of a delivery-ind: the recipient it reports on. */
  private static List<String> recipients(ContentResolver resolver, long reportId) {
    List<String> out = new ArrayList<>();
    try (Cursor c =
        resolver.query(
            Telephony2.mmsAddr(reportId),
            Telephony2.ADDR_PROJECTION,
            Telephony2.ADDR_TYPE + " = " + Telephony2.ADDR_TO,
            null,
            null)) {
      while (c != null && c.moveToNext()) {
        String a = c.isNull(0) ? null : c.getString(0);
        if (a != null && !a.trim().isEmpty() && !Telephony2.INSERT_ADDRESS_TOKEN.equals(a)) {
          out.add(a);
        }
      }
    }
    return out;
  }
}
