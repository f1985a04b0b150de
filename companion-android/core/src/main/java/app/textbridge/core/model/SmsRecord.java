package app.textbridge.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One message as the phone's provider stores it: the SmsMessage of PROTOCOL.md §8 without {@code
 * sendKey} (the core adds that from the send journal; a non-default SMS app cannot write it to the
 * provider). Immutable.
 */
public final class SmsRecord {
  /** Stable id, {@code sms:<_id>} or {@code mms:<_id>}: sms and mms are separate tables. */
  public final String id;

  public final Kind kind;

  /** The provider's thread_id, or null when unknown. */
  public final Long threadId;

  public final Box box;

  /** Other participants (the user's own number excluded), 1–50. */
  public final List<String> addresses;

  /** Who sent it (incoming), null for outgoing. */
  public final String sender;

  public final long date;
  public final Long dateSent;
  public final String body;
  public final boolean read;
  public final DeliveryStatus status;
  public final Integer subId;

  /** MMS parts (empty for SMS). */
  public final List<PartInfo> parts;

  public SmsRecord(
      String id,
      Kind kind,
      Long threadId,
      Box box,
      List<String> addresses,
      String sender,
      long date,
      Long dateSent,
      String body,
      boolean read,
      DeliveryStatus status,
      Integer subId,
      List<PartInfo> parts) {
    this.id = Objects.requireNonNull(id, "id");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.threadId = threadId;
    this.box = Objects.requireNonNull(box, "box");
    this.addresses = Collections.unmodifiableList(new ArrayList<>(addresses));
    this.sender = sender;
    this.date = date;
    this.dateSent = dateSent;
    this.body = Objects.requireNonNull(body, "body");
    this.read = read;
    this.status = Objects.requireNonNull(status, "status");
    this.subId = subId;
    this.parts = Collections.unmodifiableList(new ArrayList<>(parts));
  }

  /** The same record with a different box and status (an outgoing row moving on). */
  public SmsRecord withBoxAndStatus(Box newBox, DeliveryStatus newStatus) {
    return new SmsRecord(
        id, kind, threadId, newBox, addresses, sender, date, dateSent, body, read, newStatus, subId,
        parts);
  }

  public boolean isOutgoing() {
    return sender == null;
  }

  public enum Kind {
    SMS("sms"),
    MMS("mms");
    public final String wire;

    Kind(String wire) {
      this.wire = wire;
    }

    public static Kind fromWire(String s) {
      for (Kind k : values()) if (k.wire.equals(s)) return k;
      throw new IllegalArgumentException("kind " + s);
    }
  }

  /** Telephony's message boxes (Sms.MESSAGE_TYPE_* / Mms.MESSAGE_BOX_*). */
  public enum Box {
    INBOX("inbox"),
    SENT("sent"),
    OUTBOX("outbox"),
    QUEUED("queued"),
    FAILED("failed"),
    DRAFT("draft");
    public final String wire;

    Box(String wire) {
      this.wire = wire;
    }

    public static Box fromWire(String s) {
      for (Box b : values()) if (b.wire.equals(s)) return b;
      throw new IllegalArgumentException("box " + s);
    }
  }

  /** Delivery-report state of an outgoing SMS (Sms.STATUS_*). */
  public enum DeliveryStatus {
    NONE("none"),
    PENDING("pending"),
    COMPLETE("complete"),
    FAILED("failed");
    public final String wire;

    DeliveryStatus(String wire) {
      this.wire = wire;
    }

    public static DeliveryStatus fromWire(String s) {
      for (DeliveryStatus d : values()) if (d.wire.equals(s)) return d;
      throw new IllegalArgumentException("status " + s);
    }
  }
}
