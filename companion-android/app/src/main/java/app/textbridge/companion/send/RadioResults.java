package app.textbridge.companion.send;

import android.app.Activity;
import android.telephony.SmsManager;
import app.textbridge.core.model.FailureReason;

/**
 * The radio's result codes on a sent PendingIntent (SmsManager.RESULT_*) mapped to the send.status
 * reasons of PROTOCOL.md §9.9. The codes above 5 arrived with later Android versions; they are
 * plain ints, so an older phone simply never sends them.
 *
 * <p>The send-rate prompt: past about 30 texts in 30 minutes Android asks the user whether the app
 * may send more (Settings.Global sms_outgoing_check_max_count). A "no", or the dialog dismissed,
 * comes back as RESULT_ERROR_LIMIT_EXCEEDED: it becomes {@code limit_exceeded} with a detail that
 * says so, never a generic failure. Premium short codes ask the same way and come back as
 * SHORT_CODE_NOT_ALLOWED / NEVER_ALLOWED: {@code short_code_blocked}.
 */
final class RadioResults {
  private RadioResults() {}

  /**
   * Null for RESULT_OK; otherwise the failure. {@code errorCode} is the radio's extra, -1 if
   * absent.
   */
  static Failure forSent(int resultCode, int errorCode) {
    if (resultCode == Activity.RESULT_OK) {
      return null;
    }
    String radio = errorCode >= 0 ? ", radio error " + errorCode : "";
    switch (resultCode) {
      case SmsManager.RESULT_ERROR_GENERIC_FAILURE:
        return new Failure(
            FailureReason.GENERIC_FAILURE,
            errorCode >= 0 ? "radio error " + errorCode : "generic failure");
      case SmsManager.RESULT_ERROR_RADIO_OFF:
      case 9: // RESULT_RADIO_NOT_AVAILABLE
      case 100: // RESULT_RIL_RADIO_NOT_AVAILABLE
      case 115: // RESULT_RIL_INVALID_MODEM_STATE
        return new Failure(
            FailureReason.RADIO_OFF, "radio off (result " + resultCode + ")" + radio);
      case SmsManager.RESULT_ERROR_NO_SERVICE:
      case 10: // RESULT_NETWORK_REJECT
      case 17: // RESULT_NETWORK_ERROR
      case 102: // RESULT_RIL_NETWORK_REJECT
      case 112: // RESULT_RIL_NETWORK_ERR
      case 116: // RESULT_RIL_NETWORK_NOT_READY
        return new Failure(
            FailureReason.NO_SERVICE, "no service (result " + resultCode + ")" + radio);
      case SmsManager.RESULT_ERROR_NULL_PDU:
      case 14: // RESULT_INVALID_SMS_FORMAT
      case 18: // RESULT_ENCODING_ERROR
      case 107: // RESULT_RIL_INVALID_SMS_FORMAT
      case 109: // RESULT_RIL_ENCODING_ERR
        return new Failure(
            FailureReason.NULL_PDU, "the text could not be encoded (result " + resultCode + ")");
      case SmsManager.RESULT_ERROR_LIMIT_EXCEEDED:
        return new Failure(
            FailureReason.LIMIT_EXCEEDED,
            "Android's sending limit: the prompt to allow more texts was declined or not answered");
      case 106: // RESULT_RIL_REQUEST_RATE_LIMITED
        return new Failure(
            FailureReason.LIMIT_EXCEEDED, "the network limits how fast texts may be sent");
      case SmsManager.RESULT_ERROR_SHORT_CODE_NOT_ALLOWED:
        return new Failure(
            FailureReason.SHORT_CODE_BLOCKED,
            "sending to this short code was not allowed on the phone");
      case SmsManager.RESULT_ERROR_SHORT_CODE_NEVER_ALLOWED:
        return new Failure(
            FailureReason.SHORT_CODE_BLOCKED, "the phone is set to never allow this short code");
      case 120: // RESULT_RIL_SIM_ABSENT
        return new Failure(FailureReason.SIM_UNAVAILABLE, "no SIM (result 120)");
      case 6: // RESULT_ERROR_FDN_CHECK_FAILURE
        return new Failure(
            FailureReason.INVALID_ADDRESS, "not allowed by the SIM's fixed dialling numbers");
      case 33: // RESULT_USER_NOT_ALLOWED
        return new Failure(FailureReason.NO_PERMISSION, "this user may not send texts");
      default:
        return new Failure(FailureReason.GENERIC_FAILURE, "result " + resultCode + radio);
    }
  }

  /**
   * A delivery report's TP-Status (3GPP TS 23.040 §9.2.3.15) or, for 3GPP2, the error class in bits
   * 24–25 of SmsMessage.getStatus(): null while the network is still trying (a temporary report;
   * the final one follows), DELIVERED or a failure otherwise.
   */
  static RadioReport.Outcome forDelivery(int status, boolean threeGpp2) {
    if (threeGpp2) {
      int errorClass = (status >> 24) & 0x03;
      if (errorClass == 0) {
        return RadioReport.Outcome.DELIVERED;
      }
      return errorClass == 2 ? null : RadioReport.Outcome.FAILED;
    }
    if (status < 0x20) {
      return RadioReport.Outcome.DELIVERED;
    }
    return status < 0x40 ? null : RadioReport.Outcome.FAILED;
  }

  /** A failure reason and its short detail. */
  static final class Failure {
    final FailureReason reason;
    final String detail;

    Failure(FailureReason reason, String detail) {
      this.reason = reason;
      this.detail = detail;
    }
  }
}
