package app.textbridge.core.model;

import java.util.Objects;

/** An active SIM subscription (hello.sims, PROTOCOL.md §9.1). */
public final class SimCard {
  public final int subId;
  public final int slot;
  public final String label;
  public final String carrier;
  public final String number;
  public final boolean isDefault;

  public SimCard(
      int subId, int slot, String label, String carrier, String number, boolean isDefault) {
    this.subId = subId;
    this.slot = slot;
    this.label = Objects.requireNonNull(label, "label");
    this.carrier = carrier;
    this.number = number;
    this.isDefault = isDefault;
  }
}
