package app.textbridge.core.mms;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A picture message or group text to send from the phone's own number, checked and laid out: the
 * normalised recipients, the optional subject and headers, and the body parts in the order they go
 * on the wire (the generated SMIL first, then the attachments, then the text). Made only by {@link
 * Builder#build()}, which refuses bad input with a typed {@link MmsException}; {@link
 * MmsPduEncoder} then turns it into m-send-req bytes.
 */
public final class MmsSendRequest {
  /** When the caller gives no recipient limit. Pass the carrier's when Android reports one. */
  public static final int DEFAULT_MAX_RECIPIENTS = 50;

  /** Longest transaction ID accepted (Android's own are about a dozen characters). */
  public static final int MAX_TRANSACTION_ID_LENGTH = 40;

  /** Longest part file name kept (longer names are shortened, keeping the extension). */
  static final int MAX_NAME_LENGTH = 40;

  /** X-Mms-Priority. */
  public enum Priority {
    LOW(MmsCodes.PRIORITY_LOW),
    NORMAL(MmsCodes.PRIORITY_NORMAL),
    HIGH(MmsCodes.PRIORITY_HIGH);

    final int code;

    Priority(int code) {
      this.code = code;
    }
  }

  private static final Pattern MIME =
      Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*");

  private final String transactionId;
  private final List<String> recipients;
  private final String subject;
  private final String text;
  private final List<MmsPart> parts;
  private final long date;
  private final long expirySeconds;
  private final Priority priority;
  private final boolean deliveryReport;

  private MmsSendRequest(Builder b, List<String> recipients, String text, List<MmsPart> parts) {
    this.transactionId = b.transactionId;
    this.recipients = Collections.unmodifiableList(recipients);
    this.subject = b.subject == null || b.subject.isEmpty() ? null : b.subject;
    this.text = text;
    this.parts = Collections.unmodifiableList(parts);
    this.date = b.date;
    this.expirySeconds = b.expirySeconds;
    this.priority = b.priority;
    this.deliveryReport = b.deliveryReport;
  }

  public static Builder builder() {
    return new Builder();
  }

  public String transactionId() {
    return transactionId;
  }

  /** Normalised, duplicates dropped, in the order given: "+447700900123", "ana@example.org". */
  public List<String> recipients() {
    return recipients;
  }

  /** The subject, or null. */
  public String subject() {
    return subject;
  }

  /** The message text, or null when there is none. */
  public String text() {
    return text;
  }

  /** Every body part in wire order: the SMIL part, the attachments, then the text part if any. */
  public List<MmsPart> parts() {
    return parts;
  }

  /** The Date header in seconds since 1970, or -1 for none. */
  public long date() {
    return date;
  }

  /** The relative X-Mms-Expiry in seconds, or -1 for none (the MMSC's default). */
  public long expirySeconds() {
    return expirySeconds;
  }

  /** X-Mms-Priority, or null to leave it out. */
  public Priority priority() {
    return priority;
  }

  public boolean deliveryReport() {
    return deliveryReport;
  }

  /** Collects the message; nothing is checked until {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private String transactionId;
    private final List<String> rawRecipients = new ArrayList<>();
    private String subject;
    private String text;
    private final List<RawPart> rawParts = new ArrayList<>();
    private long date = -1;
    private long expirySeconds = -1;
    private Priority priority;
    private boolean deliveryReport;
    private int maxRecipients = DEFAULT_MAX_RECIPIENTS;

    private Builder() {}

    /**
     * X-Mms-Transaction-ID: printable ASCII, unique per message (the MMSC's send.conf echoes it).
     */
    public Builder transactionId(String id) {
      this.transactionId = id;
      return this;
    }

    /** Replaces the recipients: phone numbers ("+44 7700 900123") or e-mail addresses. */
    public Builder recipients(List<String> recipients) {
      rawRecipients.clear();
      rawRecipients.addAll(recipients);
      return this;
    }

    public Builder recipient(String recipient) {
      rawRecipients.add(recipient);
      return this;
    }

    /** The carrier's recipient limit ({@link #DEFAULT_MAX_RECIPIENTS} if not set). */
    public Builder maxRecipients(int max) {
      if (max < 1) throw new IllegalArgumentException("maxRecipients " + max);
      this.maxRecipients = max;
      return this;
    }

    /** Optional subject, sent as UTF-8; null or "" for none. */
    public Builder subject(String subject) {
      this.subject = subject;
      return this;
    }

    /** The message text, sent as a text/plain UTF-8 part; null or blank for none. */
    public Builder text(String text) {
      this.text = text;
      return this;
    }

    /**
     * Adds an attachment: its MIME type ("image/jpeg"), a file name (cleaned to letters, digits,
     * '.', '_' and '-', made unique, or invented from the type when null) and its bytes, which the
     * request keeps a copy of.
     */
    public Builder part(String mimeType, String name, byte[] data) {
      rawParts.add(new RawPart(mimeType, name, data == null ? null : data.clone()));
      return this;
    }

    /** The Date header, seconds since 1970 (the MMSC fills it in when absent). */
    public Builder date(long epochSeconds) {
      if (epochSeconds < 0) throw new IllegalArgumentException("date " + epochSeconds);
      this.date = epochSeconds;
      return this;
    }

    /** X-Mms-Expiry, relative: how long the MMSC keeps trying to deliver, in seconds. */
    public Builder expirySeconds(long seconds) {
      if (seconds <= 0) throw new IllegalArgumentException("expiry " + seconds);
      this.expirySeconds = seconds;
      return this;
    }

    public Builder priority(Priority priority) {
      this.priority = priority;
      return this;
    }

    /** X-Mms-Delivery-Report (default no). X-Mms-Read-Report is always no. */
    public Builder deliveryReport(boolean yes) {
      this.deliveryReport = yes;
      return this;
    }

    /** Checks everything but the size (that needs the carrier's limit: see the encoder). */
    public MmsSendRequest build() throws MmsException {
      checkTransactionId(transactionId);
      List<String> recipients = recipients();
      if (subject != null && subject.indexOf('\0') >= 0) {
        throw new MmsException(MmsException.Problem.INVALID_SUBJECT, "subject contains NUL");
      }
      String body = text == null || text.trim().isEmpty() ? null : text;
      if (body == null && rawParts.isEmpty()) {
        throw new MmsException(MmsException.Problem.EMPTY_MESSAGE, "no text and no attachment");
      }

      // Names: the SMIL's and the text's are fixed, attachments get out of their way.
      Set<String> stems = new HashSet<>();
      stems.add("smil");
      String textName = String.format(Locale.ROOT, "text.%06d.txt", rawParts.size());
      stems.add(stem(textName));
      List<MmsPart> media = new ArrayList<>();
      for (int i = 0; i < rawParts.size(); i++) {
        RawPart raw = rawParts.get(i);
        String mime = checkMime(raw.mimeType, i);
        byte[] data = raw.data;
        if (data == null || data.length == 0) {
          throw new MmsException(MmsException.Problem.INVALID_PART, "part " + i + " has no data");
        }
        String name = uniqueName(cleanName(raw.name, mime, i), stems);
        media.add(new MmsPart(mime, name, 0, data));
      }
      MmsPart textPart =
          body == null
              ? null
              : new MmsPart(
                  WspContentTypes.TEXT_PLAIN,
                  textName,
                  MmsCodes.CHARSET_UTF_8,
                  body.getBytes(StandardCharsets.UTF_8));
      String smil = SmilDocument.of(media, textPart);
      List<MmsPart> parts = new ArrayList<>();
      parts.add(
          new MmsPart(
              WspContentTypes.SMIL, SmilDocument.NAME, 0, smil.getBytes(StandardCharsets.UTF_8)));
      parts.addAll(media);
      if (textPart != null) parts.add(textPart);
      return new MmsSendRequest(this, recipients, body, parts);
    }

    private List<String> recipients() throws MmsException {
      if (rawRecipients.isEmpty()) {
        throw new MmsException(MmsException.Problem.NO_RECIPIENTS, "no recipient");
      }
      Set<String> seen = new LinkedHashSet<>();
      for (int i = 0; i < rawRecipients.size(); i++) {
        String a = MmsAddress.normalise(rawRecipients.get(i));
        if (a == null) {
          throw new MmsException(
              MmsException.Problem.INVALID_RECIPIENT,
              "recipient " + i + " is not a phone number or an e-mail address");
        }
        seen.add(a);
      }
      if (seen.size() > maxRecipients) {
        throw new MmsException(
            MmsException.Problem.TOO_MANY_RECIPIENTS,
            seen.size() + " recipients, the limit is " + maxRecipients);
      }
      return new ArrayList<>(seen);
    }
  }

  /** An attachment as the caller gave it, checked by {@link Builder#build()}. */
  private static final class RawPart {
    final String mimeType;
    final String name;
    final byte[] data;

    RawPart(String mimeType, String name, byte[] data) {
      this.mimeType = mimeType;
      this.name = name;
      this.data = data;
    }
  }

  private static void checkTransactionId(String id) throws MmsException {
    boolean ok = id != null && !id.isEmpty() && id.length() <= MAX_TRANSACTION_ID_LENGTH;
    for (int i = 0; ok && i < id.length(); i++) {
      char c = id.charAt(i);
      ok = c > 0x20 && c < 0x7F;
    }
    if (!ok) {
      throw new MmsException(
          MmsException.Problem.INVALID_TRANSACTION_ID,
          "1 to " + MAX_TRANSACTION_ID_LENGTH + " printable ASCII characters, no spaces");
    }
  }

  private static String checkMime(String mime, int index) throws MmsException {
    String m = mime == null ? "" : mime.trim().toLowerCase(Locale.ROOT);
    if (!MIME.matcher(m).matches()) {
      throw new MmsException(
          MmsException.Problem.INVALID_PART, "part " + index + " has no valid MIME type");
    }
    if (m.equals(WspContentTypes.SMIL) || m.startsWith("multipart/") || m.contains("multipart.")) {
      throw new MmsException(
          MmsException.Problem.INVALID_PART,
          "part " + index + " is " + m + ", which the encoder makes itself");
    }
    return m;
  }

  /** The last path segment, limited to [A-Za-z0-9._-], shortened; invented when nothing is left. */
  static String cleanName(String raw, String mime, int index) {
    String n = raw == null ? "" : raw.trim();
    n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
    StringBuilder b = new StringBuilder(n.length());
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-';
      b.append(ok ? c : '_');
    }
    while (b.length() > 0 && b.charAt(0) == '.') b.deleteCharAt(0);
    String s = b.toString();
    if (s.replace("_", "").replace(".", "").isEmpty()) {
      s = String.format(Locale.ROOT, "%s%06d.%s", kind(mime), index, extension(mime));
    }
    if (s.length() > MAX_NAME_LENGTH) {
      int dot = s.lastIndexOf('.');
      String ext = dot > 0 && s.length() - dot <= 10 ? s.substring(dot) : "";
      s = s.substring(0, MAX_NAME_LENGTH - ext.length()) + ext;
    }
    return s;
  }

  /** {@code name}, or name-2, name-3… when its Content-ID stem is already taken (any case). */
  private static String uniqueName(String name, Set<String> stems) {
    String stem = stem(name);
    String ext = name.substring(stem.length());
    String candidate = name;
    for (int k = 2; !stems.add(stem(candidate).toLowerCase(Locale.ROOT)); k++) {
      String suffix = "-" + k;
      String s =
          stem.length() + suffix.length() + ext.length() > MAX_NAME_LENGTH
              ? stem.substring(0, Math.max(1, MAX_NAME_LENGTH - suffix.length() - ext.length()))
              : stem;
      candidate = s + suffix + ext;
    }
    return candidate;
  }

  private static String stem(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static String kind(String mime) {
    String top = mime.substring(0, mime.indexOf('/'));
    switch (top) {
      case "image":
      case "video":
      case "audio":
      case "text":
        return top;
      default:
        return "part";
    }
  }

  private static String extension(String mime) {
    switch (mime) {
      case "image/jpeg":
        return "jpg";
      case "image/png":
        return "png";
      case "image/gif":
        return "gif";
      case "image/webp":
        return "webp";
      case "image/heic":
        return "heic";
      case "video/mp4":
        return "mp4";
      case "video/3gpp":
        return "3gp";
      case "audio/amr":
        return "amr";
      case "audio/mp4":
      case "audio/aac":
        return "m4a";
      case "audio/mpeg":
        return "mp3";
      case "text/x-vcard":
      case "text/vcard":
        return "vcf";
      case "text/plain":
        return "txt";
      default:
        return "dat";
    }
  }
}
