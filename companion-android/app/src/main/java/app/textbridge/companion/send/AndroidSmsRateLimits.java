package app.textbridge.companion.send;

import android.content.ContentResolver;
import android.provider.Settings;
import app.textbridge.core.port.SmsRateLimits;

/**
 * The send quota as this phone has it (PORTS.md SmsRateLimits): the two Settings.Global values the
 * platform's SmsUsageMonitor reads, read as it reads them (getInt), with its defaults (30 parts per
 * 30 minutes). Both keys are hidden settings; Android 12+ refuses apps that target it reading
 * hidden keys, so a SecurityException (or any other failure) means the defaults, which is what
 * nearly every phone has anyway.
 */
public final class AndroidSmsRateLimits implements SmsRateLimits {
  static final String MAX_COUNT = "sms_outgoing_check_max_count";
  static final String INTERVAL_MS = "sms_outgoing_check_interval_ms";
  private final ContentResolver resolver;

  public AndroidSmsRateLimits(ContentResolver resolver) {
    this.resolver = resolver;
  }

  @Override
  public int maxCount() {
    int v = read(MAX_COUNT, DEFAULT_MAX_COUNT);
    return v > 0 ? v : DEFAULT_MAX_COUNT;
  }

  @Override
  public long intervalMillis() {
    int v = read(INTERVAL_MS, (int) DEFAULT_INTERVAL_MS);
    return v > 0 ? v : DEFAULT_INTERVAL_MS;
  }

  private int read(String key, int fallback) {
    try {
      return Settings.Global.getInt(resolver, key, fallback);
    } catch (RuntimeException e) {
      return fallback;
    }
  }
}
