package app.textbridge.core.send;

import app.textbridge.core.crypto.Bytes;
import app.textbridge.core.crypto.Primitives;
import app.textbridge.core.model.SendRecord;
import app.textbridge.core.model.SmsRecord;

/**
 * The body digests a send record keeps to recognise the provider's own row of what it sent (the
 * body itself is never stored). An MMS key's digest carries a prefix, so a sent MMS row is only
 * ever linked to an MMS request and a text row to a text request, and so the queue can tell an MMS
 * key from a text key after a restart without another journal column.
 */
final class Digests {
  private static final String MMS = "mms:";

  private Digests() {}

  static String sms(String body) {
    return Bytes.hex(Primitives.hash(Bytes.utf8(body)));
  }

  /** {@code text} as the MMS carries it ("" when it has no text part). */
  static String mms(String text) {
    return MMS + sms(text);
  }

  /** The digest a provider row would match. */
  static String of(SmsRecord row) {
    return row.kind == SmsRecord.Kind.MMS ? mms(row.body) : sms(row.body);
  }

  static boolean isMms(SendRecord r) {
    return r.bodyDigest.startsWith(MMS);
  }

  /** Provider rows a key produces: one per recipient for texts, one for an MMS to all of them. */
  static int rowsExpected(SendRecord r) {
    return isMms(r) ? 1 : r.recipients.size();
  }
}
