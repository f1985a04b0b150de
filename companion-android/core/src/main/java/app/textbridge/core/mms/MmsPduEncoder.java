package app.textbridge.core.mms;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an {@link MmsSendRequest} as the m-send-req PDU of OMA-TS-MMS_ENC-V1_3 §6.1.1, the bytes
 * Android's {@code SmsManager.sendMultimediaMessage} posts to the carrier's MMSC. Android has its
 * own composer, but it is hidden framework code; this one is plain Java so the core can build, size
 * and test the message without a phone.
 *
 * <p>Header order: X-Mms-Message-Type, X-Mms-Transaction-ID and X-Mms-MMS-Version first, as §6.1.1
 * requires; then Date, From, To (one per recipient), Subject, X-Mms-Message-Class, X-Mms-Expiry,
 * X-Mms-Priority, X-Mms-Delivery-Report, X-Mms-Read-Report, the order Android's composer uses; and
 * Content-Type last, since the multipart body follows it directly.
 *
 * <p>MMS version 1.2: it is what Android's stack sends (the framework's {@code
 * PduHeaders.CURRENT_MMS_VERSION} is {@code MMS_VERSION_1_2}, checked in the API 34 jar, and its
 * composer writes it when a SendReq names no version), so every MMSC that serves Android phones
 * takes it; and this PDU uses nothing that 1.3 added.
 *
 * <p>For the same message the bytes are those of Android's own {@code PduComposer} (the app's
 * Robolectric test compares them), down to the To addresses as UTF-8 encoded-string-values with
 * "/TYPE=PLMN", except where that composer strays from WSP: a uintvar of 127 or 16383 here is the
 * minimal 7F / FF 7F (Android writes 80 7F / 80 FF 7F), a Date of 0 is a one-octet long-integer,
 * and text/x-vcard is shortened to its well-known number.
 *
 * <p>The encoded size is known before any byte is copied ({@link #encodedSize}), so the caller can
 * scale pictures down until the message fits the carrier's limit.
 */
public final class MmsPduEncoder {
  /** X-Mms-MMS-Version written: 1.2 (see the class comment). */
  public static final String MMS_VERSION = "1.2";

  private MmsPduEncoder() {}

  /**
   * The PDU, or {@link MmsException.Problem#TOO_LARGE} when it would be larger than {@code
   * maxBytes} (the carrier's MMS size limit, e.g. CarrierConfigManager's max message size).
   */
  public static byte[] encode(MmsSendRequest request, long maxBytes) throws MmsException {
    if (maxBytes <= 0) throw new IllegalArgumentException("maxBytes " + maxBytes);
    Layout layout = new Layout(request);
    long size = layout.size();
    if (size > maxBytes || size > Integer.MAX_VALUE - 8)
      throw MmsException.tooLarge(size, maxBytes);
    WspWriter w = new WspWriter((int) size);
    w.bytes(layout.headers);
    w.uintvar(layout.partHeaders.size());
    for (int i = 0; i < layout.partHeaders.size(); i++) {
      byte[] headers = layout.partHeaders.get(i);
      byte[] data = request.parts().get(i).rawData();
      w.uintvar(headers.length).uintvar(data.length).bytes(headers).bytes(data);
    }
    if (w.size() != size) throw new IllegalStateException("size " + w.size() + " != " + size);
    return w.toByteArray();
  }

  /** Exactly how many bytes {@link #encode} will return for {@code request}. */
  public static long encodedSize(MmsSendRequest request) {
    return new Layout(request).size();
  }

  /** The PDU headers and each part's headers, encoded; the part data is only counted. */
  private static final class Layout {
    final byte[] headers;
    final List<byte[]> partHeaders = new ArrayList<>();
    final List<MmsPart> parts;

    Layout(MmsSendRequest request) {
      headers = pduHeaders(request);
      parts = request.parts();
      for (MmsPart p : parts) partHeaders.add(partHeaders(p));
    }

    long size() {
      long n = headers.length + WspWriter.uintvarLength(parts.size());
      for (int i = 0; i < parts.size(); i++) {
        long h = partHeaders.get(i).length;
        long d = parts.get(i).dataLength();
        n += WspWriter.uintvarLength(h) + WspWriter.uintvarLength(d) + h + d;
      }
      return n;
    }
  }

  static byte[] pduHeaders(MmsSendRequest r) {
    WspWriter w = new WspWriter(256);
    w.octet(MmsCodes.H_MESSAGE_TYPE).octet(MmsCodes.MESSAGE_TYPE_SEND_REQ);
    w.octet(MmsCodes.H_TRANSACTION_ID).textString(ascii(r.transactionId()));
    w.octet(MmsCodes.H_MMS_VERSION).shortInteger(MmsCodes.MMS_VERSION_1_2);
    if (r.date() >= 0) w.octet(MmsCodes.H_DATE).longInteger(r.date());
    // From: Value-length (Address-present-token Encoded-string-value | Insert-address-token).
    // The phone does not know its own number reliably; the MMSC fills it in.
    w.octet(MmsCodes.H_FROM).valueLength(1).octet(MmsCodes.FROM_INSERT_ADDRESS_TOKEN);
    for (String to : r.recipients()) {
      w.octet(MmsCodes.H_TO);
      utf8EncodedString(w, ascii(MmsAddress.wire(to)));
    }
    if (r.subject() != null) {
      w.octet(MmsCodes.H_SUBJECT);
      utf8EncodedString(w, r.subject().getBytes(StandardCharsets.UTF_8));
    }
    w.octet(MmsCodes.H_MESSAGE_CLASS).octet(MmsCodes.MESSAGE_CLASS_PERSONAL);
    if (r.expirySeconds() > 0) {
      // Value-length (Absolute-token Date-value | Relative-token Delta-seconds-value)
      long v = r.expirySeconds();
      w.octet(MmsCodes.H_EXPIRY).valueLength(2 + WspWriter.longIntegerOctets(v));
      w.octet(MmsCodes.EXPIRY_RELATIVE_TOKEN).longInteger(v);
    }
    if (r.priority() != null) w.octet(MmsCodes.H_PRIORITY).octet(r.priority().code);
    w.octet(MmsCodes.H_DELIVERY_REPORT).octet(r.deliveryReport() ? MmsCodes.YES : MmsCodes.NO);
    w.octet(MmsCodes.H_READ_REPORT).octet(MmsCodes.NO);
    w.octet(MmsCodes.H_CONTENT_TYPE);
    // Content-general-form: multipart/related; start="<smil>"; type="application/smil".
    MmsPart start = r.parts().get(0);
    WspWriter ct = new WspWriter();
    ct.shortInteger(WspContentTypes.code(WspContentTypes.MULTIPART_RELATED));
    ct.octet(MmsCodes.P_START).textString(ascii(start.contentId()));
    ct.octet(MmsCodes.P_MULTIPART_RELATED_TYPE).textString(ascii(start.mimeType()));
    w.valueLength(ct.size()).bytes(ct.toByteArray());
    return w.toByteArray();
  }

  /**
   * A part's Content-Type (always the general form: it carries a Name, and text a charset), then
   * Content-ID and Content-Location, as Android's composer writes them.
   */
  static byte[] partHeaders(MmsPart p) {
    WspWriter ct = new WspWriter();
    int code = WspContentTypes.code(p.mimeType());
    if (code >= 0) ct.shortInteger(code);
    else ct.textString(ascii(p.mimeType()));
    ct.octet(MmsCodes.P_NAME).textString(ascii(p.name()));
    if (p.charset() > 0) ct.octet(MmsCodes.P_CHARSET).shortInteger(p.charset());
    WspWriter w = new WspWriter(ct.size() + 64);
    w.valueLength(ct.size()).bytes(ct.toByteArray());
    w.octet(MmsCodes.P_CONTENT_ID).quotedString(ascii(p.contentId()));
    w.octet(MmsCodes.P_CONTENT_LOCATION).textString(ascii(p.name()));
    return w.toByteArray();
  }

  /** Encoded-string-value = Value-length Char-set Text-string, the charset being UTF-8. */
  private static void utf8EncodedString(WspWriter w, byte[] text) {
    w.valueLength(1 + WspWriter.textStringLength(text));
    w.shortInteger(MmsCodes.CHARSET_UTF_8).textString(text);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
