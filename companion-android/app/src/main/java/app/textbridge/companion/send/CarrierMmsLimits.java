package app.textbridge.companion.send;

import android.content.Context;
import android.os.PersistableBundle;
import android.telephony.CarrierConfigManager;
import android.telephony.SubscriptionManager;
import app.textbridge.core.mms.MmsSendRequest;
import app.textbridge.core.port.MmsSender;

/**
 * What the carrier's configuration says about MMS on one SIM ({@code
 * CarrierConfigManager.getConfigForSubId}): the same values the platform's MMS service applies, so
 * a PDU sized to them is not cut short when the service reads it (it reads at most the size limit).
 * Anything unreadable (no permission, no config loaded yet, no telephony) falls back to Android's
 * own defaults.
 */
final class CarrierMmsLimits {
  /** Android's own defaults: 300 KiB, no recipient limit stated (so the encoder's 50), on. */
  static final CarrierMmsLimits DEFAULTS =
      new CarrierMmsLimits(
          MmsSender.DEFAULT_MAX_MESSAGE_BYTES, MmsSendRequest.DEFAULT_MAX_RECIPIENTS, true);

  final long maxBytes;
  final int maxRecipients;

  /** False only when the carrier's settings say MMS is off ({@code KEY_MMS_MMS_ENABLED_BOOL}). */
  final boolean enabled;

  private CarrierMmsLimits(long maxBytes, int maxRecipients, boolean enabled) {
    this.maxBytes = maxBytes;
    this.maxRecipients = maxRecipients;
    this.enabled = enabled;
  }

  /** -1 means the default SMS subscription, the one the platform default sends on. */
  static CarrierMmsLimits read(Context context, int subId) {
    PersistableBundle config;
    try {
      CarrierConfigManager carrier = context.getSystemService(CarrierConfigManager.class);
      config =
          carrier == null
              ? null
              : carrier.getConfigForSubId(
                  subId < 0 ? SubscriptionManager.getDefaultSmsSubscriptionId() : subId);
    } catch (RuntimeException e) {
      // SecurityException without READ_PHONE_STATE, or the phone process is not up.
      config = null;
    }
    if (config == null) {
      return DEFAULTS;
    }
    int bytes = config.getInt(CarrierConfigManager.KEY_MMS_MAX_MESSAGE_SIZE_INT, 0);
    int recipients = config.getInt(CarrierConfigManager.KEY_MMS_RECIPIENT_LIMIT_INT, 0);
    return new CarrierMmsLimits(
        bytes > 0 ? bytes : DEFAULTS.maxBytes,
        // Android's default is Integer.MAX_VALUE, meaning the carrier stated no limit.
        recipients > 0 && recipients < Integer.MAX_VALUE ? recipients : DEFAULTS.maxRecipients,
        config.getBoolean(CarrierConfigManager.KEY_MMS_MMS_ENABLED_BOOL, true));
  }
}
