package app.textbridge.companion.send;

import static org.junit.Assert.assertEquals;

import android.content.ContentResolver;
import android.provider.Settings;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;

/** The send quota from Settings.Global, with SmsUsageMonitor's defaults (30 per 30 minutes). */
@RunWith(RobolectricTestRunner.class)
public class AndroidSmsRateLimitsTest {
  private final ContentResolver resolver = RuntimeEnvironment.getApplication().getContentResolver();

  @Test
  public void theDefaultsAreThePlatformsOwn() {
    AndroidSmsRateLimits limits = new AndroidSmsRateLimits(resolver);
    assertEquals(30, limits.maxCount());
    assertEquals(30 * 60_000L, limits.intervalMillis());
  }

  @Test
  public void aPhoneWithOtherSettingsGetsThem() {
    Settings.Global.putInt(resolver, AndroidSmsRateLimits.MAX_COUNT, 100);
    Settings.Global.putInt(resolver, AndroidSmsRateLimits.INTERVAL_MS, 3_600_000);
    AndroidSmsRateLimits limits = new AndroidSmsRateLimits(resolver);
    assertEquals(100, limits.maxCount());
    assertEquals(3_600_000L, limits.intervalMillis());
    Settings.Global.putInt(resolver, AndroidSmsRateLimits.MAX_COUNT, 0);
    assertEquals("nonsense falls back", 30, limits.maxCount());
  }
}
