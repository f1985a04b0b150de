package app.textbridge.core.send;

import app.textbridge.core.model.FailureReason;
import app.textbridge.core.model.SendRecord;
import app.textbridge.core.model.SendRecord.PartState;
import app.textbridge.core.model.SendState;

/**
 * Folds per-part radio reports into a key's state (PROTOCOL.md §9.9): sent when every part was
 * sent, delivered when every part was delivered, failed as soon as one part fails (with the radio's
 * reason). Per-part and overall states only move forward.
 */
final class PartAggregator {
  private PartAggregator() {}

  /** Global index of a recipient's part, or -1 when the report names no known part. */
  static int index(SendRecord r, int recipient, int part) {
    int[] parts = r.partsPerRecipient();
    if (recipient < 0 || recipient >= parts.length || part < 0 || part >= parts[recipient]) {
      return -1;
    }
    int at = 0;
    for (int i = 0; i < recipient; i++) at += parts[i];
    return at + part;
  }

  /** Applies one part's new state; returns the record unchanged when it is not a forward move. */
  static SendRecord apply(
      SendRecord r, int index, PartState next, FailureReason reason, String detail, long now) {
    if (r.state.isFinal() || index < 0) return r;
    PartState current = PartState.values()[r.partStates()[index]];
    if (!forward(current, next)) return r;
    SendRecord.Builder b = r.toBuilder().partState(index, next).updatedAt(now);
    SendRecord updated = b.build();
    SendState overall = overall(updated);
    if (overall == SendState.FAILED) {
      return updated.toBuilder().state(SendState.FAILED, reason, detail).build();
    }
    if (overall != r.state && r.state.canMoveTo(overall)) {
      return updated.toBuilder().state(overall, null, null).build();
    }
    return updated;
  }

  private static boolean forward(PartState current, PartState next) {
    switch (current) {
      case PENDING:
        return next != PartState.PENDING;
      case SENT:
        return next == PartState.DELIVERED || next == PartState.FAILED;
      case DELIVERED:
      case FAILED:
        return false;
      default:
        throw new IllegalStateException("part state " + current);
    }
  }

  private static SendState overall(SendRecord r) {
    boolean allSent = true;
    boolean allDelivered = true;
    for (byte b : r.partStates()) {
      PartState s = PartState.values()[b];
      if (s == PartState.FAILED) return SendState.FAILED;
      if (s == PartState.PENDING) allSent = false;
      if (s != PartState.DELIVERED) allDelivered = false;
    }
    if (r.totalParts() == 0) return SendState.ACCEPTED;
    if (allDelivered) return SendState.DELIVERED;
    return allSent ? SendState.SENT : SendState.ACCEPTED;
  }
}
