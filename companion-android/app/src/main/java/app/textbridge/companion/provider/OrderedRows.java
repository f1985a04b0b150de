package app.textbridge.companion.provider;

import android.database.Cursor;
import app.textbridge.core.model.HistoryPosition;
import app.textbridge.core.port.EventLog;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks a cursor sorted by {@code date DESC} in the exact history order of PROTOCOL.md §9.4: date
 * desc, then id desc compared as strings. SQL cannot give the second key ("sms:99" sorts after
 * "sms:100" as a string), so rows sharing a date are read as a group and sorted here. Rows at or
 * before {@code after} are skipped. Only ids and dates are read; the caller builds records for the
 * rows it actually takes.
 */
final class OrderedRows {
  /** A row's key and where it is in the cursor. */
  static final class Entry {
    final int position;
    final long date;
    final long rowId;
    final String id;

    Entry(int position, long date, long rowId, String id) {
      this.position = position;
      this.date = date;
      this.rowId = rowId;
      this.id = id;
    }
  }

  private final Cursor cursor;
  private final String prefix;
  private final long scale;
  private final HistoryPosition after;
  private final EventLog log;
  private final int idColumn;
  private final int dateColumn;
  private final ArrayDeque<Entry> group = new ArrayDeque<>();
  private int next;

  /** {@code scale} turns the table's date unit into milliseconds (1000 for MMS seconds). */
  OrderedRows(Cursor cursor, String prefix, long scale, HistoryPosition after, EventLog log) {
    this.cursor = cursor;
    this.prefix = prefix;
    this.scale = scale;
    this.after = after;
    this.log = log;
    this.idColumn = cursor.getColumnIndexOrThrow(Telephony2.ID);
    this.dateColumn = cursor.getColumnIndexOrThrow(Telephony2.DATE);
  }

  Cursor cursor() {
    return cursor;
  }

  Entry peek() {
    if (group.isEmpty()) {
      fill();
    }
    return group.peekFirst();
  }

  Entry pop() {
    Entry e = peek();
    if (e != null) {
      group.removeFirst();
    }
    return e;
  }

  /** Reads the next date group that has rows after {@code after}. */
  private void fill() {
    while (group.isEmpty() && cursor.moveToPosition(next)) {
      List<Entry> rows = new ArrayList<>();
      Long groupDate = null;
      while (cursor.moveToPosition(next)) {
        if (cursor.isNull(idColumn)) {
          log.warn("provider", prefix + " row at position " + next + " has no _id: skipped");
          next++;
          continue;
        }
        long rowId = cursor.getLong(idColumn);
        long date = cursor.isNull(dateColumn) ? 0 : cursor.getLong(dateColumn) * scale;
        if (groupDate != null && date != groupDate) {
          break;
        }
        groupDate = date;
        String id = prefix + rowId;
        if (after == null
            || date < after.date
            || (date == after.date && id.compareTo(after.id) < 0)) {
          rows.add(new Entry(next, date, rowId, id));
        }
        next++;
      }
      rows.sort((a, b) -> b.id.compareTo(a.id));
      group.addAll(rows);
    }
  }

  /** True when {@code a} comes before {@code b} in history order (date desc, id desc). */
  static boolean first(Entry a, Entry b) {
    if (a.date != b.date) {
      return a.date > b.date;
    }
    return a.id.compareTo(b.id) > 0;
  }
}
