package app.textbridge.core.mms;

/**
 * The numbers an m-send-req is written with, named once: OMA-TS-MMS_ENC-V1_3 §7.3 (header field
 * names, Table 25, sent with the top bit set; field values, §7.2) and WAP-230-WSP (the part-header
 * field names of Table 39 and the parameter names of Table 38, also with the top bit set). Magic
 * numbers in the encoder would be unreadable and untestable; here each one has its spec name.
 */
final class MmsCodes {
  private MmsCodes() {}

  // --- MMS header field names (MMS_ENC Table 25), as written: 0x80 | assigned number.
  static final int H_CONTENT_TYPE = 0x84;
  static final int H_DATE = 0x85;
  static final int H_DELIVERY_REPORT = 0x86;
  static final int H_EXPIRY = 0x88;
  static final int H_FROM = 0x89;
  static final int H_MESSAGE_CLASS = 0x8A;
  static final int H_MESSAGE_TYPE = 0x8C;
  static final int H_MMS_VERSION = 0x8D;
  static final int H_PRIORITY = 0x8F;
  static final int H_READ_REPORT = 0x90;
  static final int H_SUBJECT = 0x96;
  static final int H_TO = 0x97;
  static final int H_TRANSACTION_ID = 0x98;

  // --- MMS header field values (MMS_ENC §7.2).
  /** X-Mms-Message-Type: m-send-req. */
  static final int MESSAGE_TYPE_SEND_REQ = 0x80;

  /**
   * X-Mms-MMS-Version 1.2 as a short-integer: major 1 in bits 4–6, minor 2 in bits 0–3, so 0x12,
   * written 0x92. Android's own stack sends this version (see {@link MmsPduEncoder}).
   */
  static final int MMS_VERSION_1_2 = 0x12;

  /** From: Insert-address-token, "the MMS Proxy-Relay fills in the sender's address". */
  static final int FROM_INSERT_ADDRESS_TOKEN = 0x81;

  static final int MESSAGE_CLASS_PERSONAL = 0x80;
  static final int YES = 0x80;
  static final int NO = 0x81;

  /** X-Mms-Expiry: Relative-token, then Delta-seconds-value. */
  static final int EXPIRY_RELATIVE_TOKEN = 0x81;

  static final int PRIORITY_LOW = 0x80;
  static final int PRIORITY_NORMAL = 0x81;
  static final int PRIORITY_HIGH = 0x82;

  // --- WSP well-known parameters (WSP Table 38), as written: 0x80 | assigned number. The
  //     encoding-version 1.1/1.2 assignments, as Android's composer writes them.
  /** Charset (Well-known-charset), 0x01. */
  static final int P_CHARSET = 0x81;

  /** Name (Text-string), 0x05. */
  static final int P_NAME = 0x85;

  /** Type of a multipart/related (Constrained-encoding), 0x09. */
  static final int P_MULTIPART_RELATED_TYPE = 0x89;

  /** Start of a multipart/related (Text-string), 0x0A. */
  static final int P_START = 0x8A;

  // --- WSP header field names for body parts (WSP Table 39), as written.
  /** Content-Location, 0x0E, Text-string (Uri-value). */
  static final int P_CONTENT_LOCATION = 0x8E;

  /** Content-ID, 0x40 (encoding version 1.3), Quoted-string. */
  static final int P_CONTENT_ID = 0xC0;

  // --- IANA MIBenum (WSP Table 42 refers to it).
  static final int CHARSET_UTF_8 = 106;
}
