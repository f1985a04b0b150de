package app.textbridge.core.model;

/**
 * State of one outgoing text (PROTOCOL.md §9.9). Moves forward only along accepted →
 * waiting_for_user → sent → delivered (any of them may be skipped); failed and unknown are final.
 */
public enum SendState {
  ACCEPTED("accepted", 0),
  /** Android asks the user to allow many sends; reported only to desktops with send.waiting. */
  WAITING_FOR_USER("waiting_for_user", 1),
  SENT("sent", 2),
  DELIVERED("delivered", 3),
  FAILED("failed", 4),
  UNKNOWN("unknown", 4);

  public final String wire;
  private final int rank;

  SendState(String wire, int rank) {
    this.wire = wire;
    this.rank = rank;
  }

  public boolean isFinal() {
    return this == DELIVERED || this == FAILED || this == UNKNOWN;
  }

  /** Whether moving from this state to {@code next} is a forward move. */
  public boolean canMoveTo(SendState next) {
    if (isFinal()) return false;
    return next.rank > rank;
  }

  public static SendState fromWire(String s) {
    for (SendState st : values()) if (st.wire.equals(s)) return st;
    throw new IllegalArgumentException("state " + s);
  }
}
