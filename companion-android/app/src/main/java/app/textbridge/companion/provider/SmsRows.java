package app.textbridge.companion.provider;

import android.database.Cursor;
import android.provider.Telephony;
import app.textbridge.core.model.Addresses;
import app.textbridge.core.model.PartInfo;
import app.textbridge.core.model.SmsRecord;
import java.util.Collections;

/**
 * One {@code content://sms} row → {@link SmsRecord}. Rows the protocol cannot carry are refused
 * with {@link BadRowException} (the caller logs the row id and skips it); odd but usable rows are
 * degraded: a null body becomes "", a missing date_sent or sub_id becomes null.
 */
final class SmsRows {
  /** PROTOCOL.md §8: body at most 262,144 UTF-16 code units. */
  static final int MAX_BODY = 262_144;

  /** Sender shown for an incoming text whose address the provider lost (withheld numbers). */
  static final String UNKNOWN_ADDRESS = "Unknown";

  private SmsRows() {}

  static Row row(Cursor c) {
    return new Row(
        c,
        Telephony2.ID,
        Telephony2.THREAD_ID,
        Telephony2.SMS_ADDRESS,
        Telephony2.DATE,
        Telephony2.DATE_SENT,
        Telephony2.SMS_BODY,
        Telephony2.SMS_TYPE,
        Telephony2.READ,
        Telephony2.SMS_STATUS,
        Telephony2.SUB_ID);
  }

  static SmsRecord read(Row r) throws BadRowException {
    Long id = r.getLong(Telephony2.ID);
    if (id == null) {
      throw new BadRowException("sms row without _id");
    }
    SmsRecord.Box box = box(r.getLong(Telephony2.SMS_TYPE));
    if (box == null) {
      throw new BadRowException("sms:" + id + " has type " + r.getLong(Telephony2.SMS_TYPE));
    }
    String address = Addresses.clean(r.getString(Telephony2.SMS_ADDRESS));
    if (address == null) {
      // A draft with no recipient yet is nobody's conversation; an incoming text with a
      // withheld number still happened and is kept under "Unknown".
      if (box == SmsRecord.Box.DRAFT) {
        throw new BadRowException("sms:" + id + " is a draft without an address");
      }
      address = UNKNOWN_ADDRESS;
    }
    String body = r.getString(Telephony2.SMS_BODY);
    body = body == null ? "" : body.length() > MAX_BODY ? body.substring(0, MAX_BODY) : body;
    boolean incoming = box == SmsRecord.Box.INBOX;
    Long dateSent = r.getLong(Telephony2.DATE_SENT);
    return new SmsRecord(
        "sms:" + id,
        SmsRecord.Kind.SMS,
        r.getLong(Telephony2.THREAD_ID),
        box,
        Collections.singletonList(address),
        incoming ? address : null,
        r.getLong(Telephony2.DATE, 0),
        dateSent == null || dateSent <= 0 ? null : dateSent,
        body,
        r.getLong(Telephony2.READ, 0) != 0,
        incoming ? SmsRecord.DeliveryStatus.NONE : status(r.getLong(Telephony2.SMS_STATUS)),
        subId(r.getLong(Telephony2.SUB_ID)),
        Collections.<PartInfo>emptyList());
  }

  static SmsRecord.Box box(Long type) {
    if (type == null) {
      return null;
    }
    switch (type.intValue()) {
      case Telephony.Sms.MESSAGE_TYPE_INBOX:
        return SmsRecord.Box.INBOX;
      case Telephony.Sms.MESSAGE_TYPE_SENT:
        return SmsRecord.Box.SENT;
      case Telephony.Sms.MESSAGE_TYPE_DRAFT:
        return SmsRecord.Box.DRAFT;
      case Telephony.Sms.MESSAGE_TYPE_OUTBOX:
        return SmsRecord.Box.OUTBOX;
      case Telephony.Sms.MESSAGE_TYPE_FAILED:
        return SmsRecord.Box.FAILED;
      case Telephony.Sms.MESSAGE_TYPE_QUEUED:
        return SmsRecord.Box.QUEUED;
      default:
        return null; // 0 (ALL) or an OEM-private box
    }
  }

  /**
   * Sms.STATUS holds the TP-Status of the delivery report (3GPP TS 23.040 §9.2.3.15): -1 none
   * requested, 0x00–0x1F completed, 0x20–0x3F still trying, 0x40 and up failed.
   */
  static SmsRecord.DeliveryStatus status(Long status) {
    if (status == null || status < 0) {
      return SmsRecord.DeliveryStatus.NONE;
    }
    if (status < 0x20) {
      return SmsRecord.DeliveryStatus.COMPLETE;
    }
    return status < 0x40 ? SmsRecord.DeliveryStatus.PENDING : SmsRecord.DeliveryStatus.FAILED;
  }

  /** -1 is SubscriptionManager.INVALID_SUBSCRIPTION_ID; OEMs also write -2 or 0 for "none". */
  static Integer subId(Long sub) {
    return sub == null || sub < 0 ? null : (int) (long) sub;
  }
}
