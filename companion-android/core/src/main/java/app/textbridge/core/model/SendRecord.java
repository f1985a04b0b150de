package app.textbridge.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What the send journal keeps for one idempotency key (PROTOCOL.md §9.9, "Sending is not
 * idempotent"). The body itself is not kept: only a digest, to recognise the provider's own "sent"
 * row later. Immutable; every change makes a new record.
 */
public final class SendRecord {
  public final String key;
  public final List<String> recipients;

  /** Hex SHA-512 of the UTF-8 body, for linking the provider's sent row (never logged). */
  public final String bodyDigest;

  public final Integer subId;
  public final long requestedAt;
  public final SendState state;
  public final FailureReason reason;
  public final String detail;

  /** True once the sender port accepted every recipient's parts (the radio has them). */
  public final boolean handedToRadio;

  /** Part count per recipient, known once handed to the radio (empty before). */
  private final int[] partsPerRecipient;

  /** One {@link PartState} ordinal per part, recipients in order. */
  private final byte[] partStates;

  /** Provider rows linked to this key (their SmsMessage ids). */
  public final List<String> messageIds;

  public final long updatedAt;

  public SendRecord(
      String key,
      List<String> recipients,
      String bodyDigest,
      Integer subId,
      long requestedAt,
      SendState state,
      FailureReason reason,
      String detail,
      boolean handedToRadio,
      int[] partsPerRecipient,
      byte[] partStates,
      List<String> messageIds,
      long updatedAt) {
    this.key = Objects.requireNonNull(key, "key");
    this.recipients = Collections.unmodifiableList(new ArrayList<>(recipients));
    this.bodyDigest = Objects.requireNonNull(bodyDigest, "bodyDigest");
    this.subId = subId;
    this.requestedAt = requestedAt;
    this.state = Objects.requireNonNull(state, "state");
    this.reason = reason;
    this.detail = detail;
    this.handedToRadio = handedToRadio;
    this.partsPerRecipient = partsPerRecipient.clone();
    this.partStates = partStates.clone();
    this.messageIds = Collections.unmodifiableList(new ArrayList<>(messageIds));
    this.updatedAt = updatedAt;
  }

  /** A freshly accepted key, before anything reached the radio. */
  public static SendRecord accepted(
      String key, List<String> recipients, String bodyDigest, Integer subId, long now) {
    return new SendRecord(
        key,
        recipients,
        bodyDigest,
        subId,
        now,
        SendState.ACCEPTED,
        null,
        null,
        false,
        new int[0],
        new byte[0],
        Collections.<String>emptyList(),
        now);
  }

  public int[] partsPerRecipient() {
    return partsPerRecipient.clone();
  }

  public byte[] partStates() {
    return partStates.clone();
  }

  public int totalParts() {
    return partStates.length;
  }

  /** Number of parts in at least {@code state} (SENT counts DELIVERED too). */
  public int countAtLeast(PartState state) {
    int n = 0;
    for (byte b : partStates) {
      PartState s = PartState.values()[b];
      if (s != PartState.FAILED && s.ordinal() >= state.ordinal()) n++;
    }
    return n;
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Per-part radio state. */
  public enum PartState {
    PENDING,
    SENT,
    DELIVERED,
    FAILED
  }

  /** Copy-on-write changes. */
  public static final class Builder {
    private final SendRecord base;
    private SendState state;
    private FailureReason reason;
    private String detail;
    private boolean handedToRadio;
    private int[] partsPerRecipient;
    private byte[] partStates;
    private List<String> messageIds;
    private long updatedAt;

    Builder(SendRecord r) {
      base = r;
      state = r.state;
      reason = r.reason;
      detail = r.detail;
      handedToRadio = r.handedToRadio;
      partsPerRecipient = r.partsPerRecipient.clone();
      partStates = r.partStates.clone();
      messageIds = new ArrayList<>(r.messageIds);
      updatedAt = r.updatedAt;
    }

    public Builder state(SendState s, FailureReason why, String text) {
      state = s;
      reason = why;
      detail = text;
      return this;
    }

    public Builder handedToRadio(int[] parts) {
      handedToRadio = true;
      partsPerRecipient = parts.clone();
      int total = 0;
      for (int p : parts) total += p;
      partStates = new byte[total];
      return this;
    }

    public Builder partState(int index, PartState s) {
      partStates = Arrays.copyOf(partStates, partStates.length);
      partStates[index] = (byte) s.ordinal();
      return this;
    }

    public Builder linkMessage(String messageId) {
      if (!messageIds.contains(messageId)) messageIds.add(messageId);
      return this;
    }

    public Builder updatedAt(long at) {
      updatedAt = at;
      return this;
    }

    public SendRecord build() {
      return new SendRecord(
          base.key,
          base.recipients,
          base.bodyDigest,
          base.subId,
          base.requestedAt,
          state,
          reason,
          detail,
          handedToRadio,
          partsPerRecipient,
          partStates,
          messageIds,
          updatedAt);
    }
  }
}
