package app.textbridge.core.protocol;

/** The two roles of PROTOCOL.md §1. */
public enum Role {
  DESKTOP("desktop"),
  PHONE("phone");

  public final String wire;

  Role(String wire) {
    this.wire = wire;
  }

  public Role other() {
    return this == DESKTOP ? PHONE : DESKTOP;
  }
}
