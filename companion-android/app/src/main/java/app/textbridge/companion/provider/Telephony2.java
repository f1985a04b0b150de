package app.textbridge.companion.provider;

import android.net.Uri;
import android.provider.Telephony;

/**
 * The provider's URIs, columns and codes in one place. Names come from android.provider.Telephony
 * where API 26 has them; the rest are the provider's documented literals (Mms.Part.CONTENT_URI is
 * API 29, PduHeaders is not public). Every query names a fixed projection from here: never a null
 * projection, which would copy every column (and, for parts, the private _data path).
 */
final class Telephony2 {
  private Telephony2() {}

  static final Uri SMS = Telephony.Sms.CONTENT_URI;
  static final Uri MMS = Telephony.Mms.CONTENT_URI;
  static final Uri MMS_PART = Uri.parse("content://mms/part");

  /** Notified for any change in either table (SmsProvider and MmsProvider both notify it). */
  static final Uri MMS_SMS = Uri.parse("content://mms-sms/");

  /** simple=true reads the threads table itself, not the heavy join of the default view. */
  static final Uri THREADS =
      Telephony.Threads.CONTENT_URI.buildUpon().appendQueryParameter("simple", "true").build();

  static Uri mmsAddr(long mmsId) {
    return Uri.parse("content://mms/" + mmsId + "/addr");
  }

  static Uri mmsPart(long partId) {
    return Uri.parse("content://mms/part/" + partId);
  }

  static final String ID = "_id";
  static final String THREAD_ID = "thread_id";
  static final String DATE = "date";
  static final String DATE_SENT = "date_sent";
  static final String READ = "read";
  static final String SUB_ID = Telephony.Sms.SUBSCRIPTION_ID; // "sub_id", also the MMS column

  static final String SMS_ADDRESS = Telephony.Sms.ADDRESS;
  static final String SMS_BODY = Telephony.Sms.BODY;
  static final String SMS_TYPE = Telephony.Sms.TYPE;
  static final String SMS_STATUS = Telephony.Sms.STATUS;

  static final String MMS_BOX = Telephony.Mms.MESSAGE_BOX;
  static final String MMS_MESSAGE_ID = Telephony.Mms.MESSAGE_ID; // "m_id", the MMSC's Message-ID
  static final String MMS_STATUS = Telephony.Mms.STATUS; // "st", a delivery-ind's X-Mms-Status
  static final String MMS_TYPE = Telephony.Mms.MESSAGE_TYPE;

  static final String PART_MID = Telephony.Mms.Part.MSG_ID;
  static final String PART_CT = Telephony.Mms.Part.CONTENT_TYPE;
  static final String PART_NAME = Telephony.Mms.Part.NAME;
  static final String PART_FN = Telephony.Mms.Part.FILENAME;
  static final String PART_CL = Telephony.Mms.Part.CONTENT_LOCATION;
  static final String PART_TEXT = Telephony.Mms.Part.TEXT;

  static final String ADDR_ADDRESS = Telephony.Mms.Addr.ADDRESS;
  static final String ADDR_TYPE = Telephony.Mms.Addr.TYPE;

  static final String THREAD_DATE = Telephony.Threads.DATE;
  static final String THREAD_COUNT = Telephony.Threads.MESSAGE_COUNT;

  /** PduHeaders.FROM / TO / CC / BCC, the values of the addr table's type column. */
  static final int ADDR_FROM = 0x89;

  static final int ADDR_TO = 0x97;
  static final int ADDR_CC = 0x82;
  static final int ADDR_BCC = 0x81;

  /**
   * send_req, notification_ind (not yet downloaded) and retrieve_conf: the PDUs that are messages.
   * Delivery and read reports live in the same table and are not messages (AOSP Messaging uses the
   * same filter).
   */
  static final String MMS_MESSAGES = MMS_TYPE + " IN (128, 130, 132)";

  /** PduHeaders.MESSAGE_TYPE_SEND_REQ and MESSAGE_TYPE_DELIVERY_IND, values of m_type. */
  static final int MMS_TYPE_SEND_REQ = 128;

  static final int MMS_TYPE_DELIVERY_IND = 134;

  /** PduHeaders.STATUS_* (X-Mms-Status, OMA-TS-MMS-ENC §7.3.54), values of a delivery-ind's st. */
  static final int MMS_STATUS_EXPIRED = 128;

  static final int MMS_STATUS_RETRIEVED = 129;
  static final int MMS_STATUS_REJECTED = 130;
  static final int MMS_STATUS_FORWARDED = 134;
  static final int MMS_STATUS_UNREACHABLE = 135;

  /** An MMS placeholder in the addr table standing for "this phone" (PduPersister). */
  static final String INSERT_ADDRESS_TOKEN = "insert-address-token";

  /** SMS optional columns: OEM providers (old MediaTek, some Samsung builds) lack them. */
  static final String[] SMS_REQUIRED = {
    ID, THREAD_ID, SMS_ADDRESS, DATE, SMS_BODY, SMS_TYPE, READ, SMS_STATUS
  };

  static final String[] SMS_OPTIONAL = {DATE_SENT, SUB_ID};
  static final String[] MMS_REQUIRED = {ID, THREAD_ID, DATE, MMS_BOX, READ, MMS_TYPE};
  static final String[] MMS_OPTIONAL = {DATE_SENT, SUB_ID};
  static final String[] PART_REQUIRED = {ID, PART_MID, PART_CT};
  static final String[] PART_OPTIONAL = {PART_NAME, PART_FN, PART_CL, PART_TEXT};
  static final String[] ADDR_PROJECTION = {ADDR_ADDRESS, ADDR_TYPE};
}
