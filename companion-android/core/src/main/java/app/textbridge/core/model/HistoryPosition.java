package app.textbridge.core.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * A position in the history order of PROTOCOL.md §9.4: (date desc, id desc), ids compared as
 * strings (UTF-16 code units, the same order JavaScript's default sort gives).
 */
public final class HistoryPosition {
  /** Newest first: larger date first, then larger id first. */
  public static final Comparator<HistoryPosition> ORDER =
      (a, b) -> {
        int byDate = Long.compare(b.date, a.date);
        return byDate != 0 ? byDate : b.id.compareTo(a.id);
      };

  public final long date;
  public final String id;

  public HistoryPosition(long date, String id) {
    this.date = date;
    this.id = Objects.requireNonNull(id, "id");
  }

  public static HistoryPosition of(SmsRecord record) {
    return new HistoryPosition(record.date, record.id);
  }

  /** True when {@code record} comes strictly after this position in history order. */
  public boolean isBefore(SmsRecord record) {
    return ORDER.compare(this, of(record)) < 0;
  }
}
