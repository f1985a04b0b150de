package app.textbridge.companion.provider;

import app.textbridge.core.model.SmsRecord;
import app.textbridge.core.port.EventLog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the sms and mms walks into one page in history order and builds records only for the rows
 * taken. A row that cannot be read is logged and replaced by the next one, so a page is short only
 * at the true end: the core reads "fewer than asked" as "no more history" (HistoryPager).
 */
final class HistoryReader {
  private final MmsRows mms;
  private final EventLog log;

  HistoryReader(MmsRows mms, EventLog log) {
    this.mms = mms;
    this.log = log;
  }

  /** Up to {@code limit} records; either walk may be null (that table is not read). */
  List<SmsRecord> read(OrderedRows smsRows, OrderedRows mmsRows, int limit)
      throws ProviderException {
    List<SmsRecord> out = new ArrayList<>();
    Row smsRow = smsRows == null ? null : SmsRows.row(smsRows.cursor());
    Row mmsRow = mmsRows == null ? null : MmsRows.row(mmsRows.cursor());
    while (out.size() < limit) {
      List<OrderedRows.Entry> picks = new ArrayList<>();
      List<Boolean> fromSms = new ArrayList<>();
      while (picks.size() < limit - out.size()) {
        OrderedRows.Entry s = smsRows == null ? null : smsRows.peek();
        OrderedRows.Entry m = mmsRows == null ? null : mmsRows.peek();
        if (s == null && m == null) {
          break;
        }
        boolean takeSms = m == null || (s != null && OrderedRows.first(s, m));
        picks.add(takeSms ? smsRows.pop() : mmsRows.pop());
        fromSms.add(takeSms);
      }
      if (picks.isEmpty()) {
        break;
      }
      out.addAll(build(picks, fromSms, smsRows, smsRow, mmsRows, mmsRow));
    }
    return out;
  }

  private List<SmsRecord> build(
      List<OrderedRows.Entry> picks,
      List<Boolean> fromSms,
      OrderedRows smsRows,
      Row smsRow,
      OrderedRows mmsRows,
      Row mmsRow)
      throws ProviderException {
    SmsRecord[] built = new SmsRecord[picks.size()];
    List<MmsRows.Base> bases = new ArrayList<>();
    Map<String, Integer> mmsSlots = new HashMap<>();
    for (int i = 0; i < picks.size(); i++) {
      OrderedRows.Entry e = picks.get(i);
      try {
        if (fromSms.get(i)) {
          smsRows.cursor().moveToPosition(e.position);
          built[i] = SmsRows.read(smsRow);
        } else {
          mmsRows.cursor().moveToPosition(e.position);
          bases.add(MmsRows.base(mmsRow));
          mmsSlots.put(e.id, i);
        }
      } catch (BadRowException ex) {
        log.warn("provider", ex.getMessage() + ": skipped");
      } catch (RuntimeException ex) {
        log.warn("provider", e.id + " skipped: " + ex.getClass().getSimpleName());
      }
    }
    for (SmsRecord r : mms.build(bases)) {
      built[mmsSlots.get(r.id)] = r;
    }
    List<SmsRecord> out = new ArrayList<>();
    for (SmsRecord r : built) {
      if (r != null) {
        out.add(r);
      }
    }
    return out;
  }
}
