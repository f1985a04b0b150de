package app.textbridge.core.port;

/**
 * Android's quota for texts an app sends before the system asks the user whether it may send more
 * ("… is sending a large number of messages"): at most {@link #maxCount} SMS parts in any {@link
 * #intervalMillis}. The core counts its own hand-overs against it to tell the desktop that a text
 * waits for that answer (PROTOCOL.md §9.9 waiting_for_user).
 *
 * <p>Android: {@code Settings.Global} {@code sms_outgoing_check_max_count} and {@code
 * sms_outgoing_check_interval_ms}, which the platform's SmsUsageMonitor reads with these defaults.
 */
public interface SmsRateLimits {
  int DEFAULT_MAX_COUNT = 30;
  long DEFAULT_INTERVAL_MS = 30 * 60_000L;

  /** The platform's own defaults, for phones where the settings cannot be read. */
  SmsRateLimits ANDROID_DEFAULTS =
      new SmsRateLimits() {
        @Override
        public int maxCount() {
          return DEFAULT_MAX_COUNT;
        }

        @Override
        public long intervalMillis() {
          return DEFAULT_INTERVAL_MS;
        }
      };

  /** Parts allowed in one interval without asking. Read at every hand-over; never throws. */
  int maxCount();

  /** The rolling interval in milliseconds. Never throws. */
  long intervalMillis();
}
