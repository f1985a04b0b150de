package app.textbridge.companion.provider;

import android.content.ContentResolver;
import app.textbridge.core.port.EventLog;

/**
 * The fixed projections this phone's provider can answer, probed once per table and dropped by
 * {@link #reset} after a query failure (an OEM update may change the schema under a running app).
 */
final class Schema {
  private final ContentResolver resolver;
  private final EventLog log;
  private volatile String[] sms;
  private volatile String[] mms;
  private volatile String[] part;

  Schema(ContentResolver resolver, EventLog log) {
    this.resolver = resolver;
    this.log = log;
  }

  String[] sms() throws ProviderException {
    String[] p = sms;
    if (p == null) {
      p =
          ColumnProbe.projection(
              resolver, Telephony2.SMS, Telephony2.SMS_REQUIRED, Telephony2.SMS_OPTIONAL, log);
      sms = p;
    }
    return p;
  }

  String[] mms() throws ProviderException {
    String[] p = mms;
    if (p == null) {
      p =
          ColumnProbe.projection(
              resolver, Telephony2.MMS, Telephony2.MMS_REQUIRED, Telephony2.MMS_OPTIONAL, log);
      mms = p;
    }
    return p;
  }

  String[] part() throws ProviderException {
    String[] p = part;
    if (p == null) {
      p =
          ColumnProbe.projection(
              resolver,
              Telephony2.MMS_PART,
              Telephony2.PART_REQUIRED,
              Telephony2.PART_OPTIONAL,
              log);
      part = p;
    }
    return p;
  }

  boolean has(String[] projection, String column) {
    for (String c : projection) {
      if (c.equals(column)) {
        return true;
      }
    }
    return false;
  }

  void reset() {
    sms = null;
    mms = null;
    part = null;
  }
}
