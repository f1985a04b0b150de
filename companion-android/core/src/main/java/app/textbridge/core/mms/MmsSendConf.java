package app.textbridge.core.mms;

/**
 * Reads the X-Mms-Response-Status of an m-send-conf (OMA-TS-MMS_ENC-V1_3 §6.1.2), the MMSC's answer
 * to an m-send-req. Android reports RESULT_OK whenever the HTTP exchange worked and hands the
 * answer over as bytes; the MMSC may still have refused the message in it (an unknown recipient,
 * content it does not take), so the status decides whether the message really left.
 *
 * <p>Only the headers are walked, by WSP's general value rules (a length-prefixed value, a
 * NUL-terminated string, or one octet), so header order and unknown headers do not matter.
 */
public final class MmsSendConf {
  /** Ok. */
  public static final int STATUS_OK = 0x80;

  /** Error-transient-*, 0xC0–0xDF: the MMSC might take the same message later. */
  public static final int TRANSIENT_FIRST = 0xC0;

  /** Error-permanent-*, 0xE0–0xFF. */
  public static final int PERMANENT_FIRST = 0xE0;

  static final int H_RESPONSE_STATUS = 0x92;
  static final int MESSAGE_TYPE_SEND_CONF = 0x81;

  private MmsSendConf() {}

  /**
   * The response status (0x80–0xFF), or -1 when {@code pdu} is null, not an m-send-conf, cut short,
   * or carries no status.
   */
  public static int responseStatus(byte[] pdu) {
    if (pdu == null || pdu.length < 2) return -1;
    if ((pdu[0] & 0xff) != MmsCodes.H_MESSAGE_TYPE || (pdu[1] & 0xff) != MESSAGE_TYPE_SEND_CONF)
      return -1;
    int i = 0;
    while (i + 1 < pdu.length) {
      int field = pdu[i++] & 0xff;
      if (field < 0x80 || field == MmsCodes.H_CONTENT_TYPE) return -1; // text header or a body
      int first = pdu[i] & 0xff;
      if (field == H_RESPONSE_STATUS) return first >= 0x80 ? first : -1;
      i = skipValue(pdu, i);
    }
    return -1;
  }

  /** The index after the value starting at {@code i} (past the end if the value is cut short). */
  private static int skipValue(byte[] pdu, int i) {
    int first = pdu[i] & 0xff;
    if (first <= 30) return i + 1 + first; // Short-length, then that many octets
    if (first == 31) { // Length-quote, then a uintvar length
      long length = 0;
      int j = i + 1;
      for (int n = 0; n < 5 && j < pdu.length; n++) {
        int b = pdu[j++] & 0xff;
        length = (length << 7) | (b & 0x7f);
        if ((b & 0x80) == 0) return length > pdu.length ? pdu.length : j + (int) length;
      }
      return pdu.length;
    }
    if (first < 0x80) { // Text-string or Quoted-string, NUL-terminated
      int j = i;
      while (j < pdu.length && pdu[j] != 0) j++;
      return j + 1;
    }
    return i + 1; // Short-integer
  }
}
