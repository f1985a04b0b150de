package app.textbridge.core.model;

/**
 * State of one outgoing text (PROTOCOL.md §9.9). Moves forward only along accepted → sent →
 * delivered; failed and unknown are final.
 */
public enum SendState {
  ACCEPTED("accepted", 0),
  SENT("sent", 1),
  DELIVERED("delivered", 2),
  FAILED("failed", 3),
  UNKNOWN("unknown", 3);

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
