package app.textbridge.core.model;

import java.util.Objects;

/** One change the SMS store reports (a row appeared, changed or disappeared). */
public final class StoreChange {
  public enum Kind {
    ADDED,
    UPDATED,
    DELETED
  }

  public final Kind kind;
  public final String messageId;

  /** The record now, null for DELETED. */
  public final SmsRecord record;

  private StoreChange(Kind kind, String messageId, SmsRecord record) {
    this.kind = kind;
    this.messageId = Objects.requireNonNull(messageId, "messageId");
    this.record = record;
  }

  public static StoreChange added(SmsRecord r) {
    return new StoreChange(Kind.ADDED, r.id, r);
  }

  public static StoreChange updated(SmsRecord r) {
    return new StoreChange(Kind.UPDATED, r.id, r);
  }

  public static StoreChange deleted(String id) {
    return new StoreChange(Kind.DELETED, id, null);
  }
}
