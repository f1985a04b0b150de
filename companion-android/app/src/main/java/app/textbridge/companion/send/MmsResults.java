package app.textbridge.companion.send;

import android.app.Activity;
import android.telephony.SmsManager;
import app.textbridge.companion.send.RadioResults.Failure;
import app.textbridge.core.mms.MmsSendConf;
import app.textbridge.core.model.FailureReason;
import java.util.Locale;

/**
 * The MMS service's result codes (SmsManager.MMS_ERROR_*) and the MMSC's own answer (the
 * m-send-conf's X-Mms-Response-Status) mapped to send.status reasons.
 *
 * <p>{@code mms_unsupported} is for "this phone cannot send MMS now" as opposed to "this message
 * failed": no MMS APN, the carrier's MMS settings missing or MMS switched off, mobile data off or
 * no data network. The user fixes those on the phone, not by retrying. Codes from 9 on arrived with
 * later Android versions; they are plain ints, so an older phone simply never sends them.
 */
final class MmsResults {
  private MmsResults() {}

  /**
   * Null for RESULT_OK; otherwise the failure. {@code httpStatus} is the MMSC's HTTP status for
   * MMS_ERROR_HTTP_FAILURE, 0 when absent.
   */
  static Failure forResult(int resultCode, int httpStatus) {
    if (resultCode == Activity.RESULT_OK) {
      return null;
    }
    String code = "MMS error " + resultCode;
    switch (resultCode) {
      case SmsManager.MMS_ERROR_UNSPECIFIED:
        return new Failure(FailureReason.GENERIC_FAILURE, code + " (unspecified)");
      case SmsManager.MMS_ERROR_INVALID_APN:
        return new Failure(FailureReason.MMS_UNSUPPORTED, code + ": no usable MMS APN");
      case SmsManager.MMS_ERROR_UNABLE_CONNECT_MMS:
        return new Failure(
            FailureReason.NO_SERVICE, code + ": could not connect to the MMS network");
      case SmsManager.MMS_ERROR_HTTP_FAILURE:
        return new Failure(
            FailureReason.GENERIC_FAILURE,
            code + ": the MMSC failed" + (httpStatus > 0 ? " with HTTP " + httpStatus : ""));
      case SmsManager.MMS_ERROR_IO_ERROR:
        return new Failure(FailureReason.GENERIC_FAILURE, code + " (I/O error)");
      case SmsManager.MMS_ERROR_RETRY:
        return new Failure(FailureReason.GENERIC_FAILURE, code + " (try again later)");
      case SmsManager.MMS_ERROR_CONFIGURATION_ERROR:
        return new Failure(FailureReason.MMS_UNSUPPORTED, code + ": no MMS settings for this SIM");
      case SmsManager.MMS_ERROR_NO_DATA_NETWORK:
        return new Failure(FailureReason.MMS_UNSUPPORTED, code + ": no mobile data network");
      case 9: // MMS_ERROR_INVALID_SUBSCRIPTION_ID
      case 10: // MMS_ERROR_INACTIVE_SUBSCRIPTION
        return new Failure(FailureReason.SIM_UNAVAILABLE, code + ": the SIM is not active");
      case 11: // MMS_ERROR_DATA_DISABLED
        return new Failure(FailureReason.MMS_UNSUPPORTED, code + ": mobile data is off");
      case 12: // MMS_ERROR_MMS_DISABLED_BY_CARRIER (Android 15)
        return new Failure(FailureReason.MMS_UNSUPPORTED, code + ": the carrier disabled MMS");
      case 13: // MMS_ERROR_TOO_LARGE_FOR_TRANSPORT (satellite)
        return new Failure(
            FailureReason.MMS_TOO_LARGE, code + ": too large for the current network");
      default:
        return new Failure(FailureReason.GENERIC_FAILURE, "MMS result " + resultCode);
    }
  }

  /**
   * Null when the MMSC took the message or its answer could not be read (the service said OK, and a
   * carrier's own messaging app may not pass the answer on); otherwise the refusal.
   */
  static Failure forSendConf(byte[] sendConf) {
    int status = MmsSendConf.responseStatus(sendConf);
    if (status < 0 || status == MmsSendConf.STATUS_OK) {
      return null;
    }
    String detail = String.format(Locale.ROOT, "the MMSC refused it (status 0x%02X)", status);
    switch (status) {
      case 0x84: // Error-sending-address-unresolved (MMS 1.0)
      case 0xC1: // Error-transient-sending-address-unresolved
      case 0xE3: // Error-permanent-sending-address-unresolved
        return new Failure(FailureReason.INVALID_ADDRESS, detail + ": unknown recipient");
      case 0x82: // Error-service-denied (MMS 1.0)
      case 0xE1: // Error-permanent-service-denied: MMS is not provisioned for this SIM
        return new Failure(FailureReason.MMS_UNSUPPORTED, detail + ": service denied");
      default:
        return new Failure(
            FailureReason.GENERIC_FAILURE,
            status >= MmsSendConf.TRANSIENT_FIRST && status < MmsSendConf.PERMANENT_FIRST
                ? detail + ", for now"
                : detail);
    }
  }
}
