package app.textbridge.core.send;

import app.textbridge.core.port.SmsRateLimits;
import java.util.ArrayDeque;

/**
 * The phone's own count of the SMS parts it handed over, checked the way Android's SmsUsageMonitor
 * checks an app: parts that fit under the quota in the rolling interval are counted; a hand-over
 * that would not fit is not counted (the platform counts only what it let through unasked) and
 * means the system asks the user before sending it. MMS does not go through that monitor.
 *
 * <p>The count lives in memory: after a restart the phone under-counts, so at worst it reports a
 * wait as plain accepted, as it did before it counted at all.
 */
final class RateWatch {
  private final SmsRateLimits limits;
  private final ArrayDeque<Long> stamps = new ArrayDeque<>();

  RateWatch(SmsRateLimits limits) {
    this.limits = limits;
  }

  /** Counts a hand-over of {@code parts}; true when it is past the quota (the prompt shows). */
  synchronized boolean pastQuota(int parts, long now) {
    long from = now - limits.intervalMillis();
    while (!stamps.isEmpty() && stamps.peekFirst() < from) stamps.pollFirst();
    if (stamps.size() + parts <= limits.maxCount()) {
      for (int i = 0; i < parts; i++) stamps.addLast(now);
      return false;
    }
    return true;
  }
}
