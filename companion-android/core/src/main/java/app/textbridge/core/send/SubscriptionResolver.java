package app.textbridge.core.send;

import app.textbridge.core.model.FailureReason;
import app.textbridge.core.model.SimCard;
import app.textbridge.core.port.SimSource;
import app.textbridge.core.port.SmsStore;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Picks the subscription for a send (§9.9 {@code subId}): the requested one if active; for null,
 * the conversation's own SIM, else the default SIM, else the first; -1 (the platform's default)
 * when the phone lists no SIMs at all.
 */
public final class SubscriptionResolver {
  private final SimSource sims;
  private final SmsStore store;

  public SubscriptionResolver(SimSource sims, SmsStore store) {
    this.sims = sims;
    this.store = store;
  }

  /** The outcome: a subId, or the reason to refuse. */
  public static final class Choice {
    public final int subId;
    public final FailureReason refused;

    Choice(int subId, FailureReason refused) {
      this.subId = subId;
      this.refused = refused;
    }
  }

  public Choice resolve(Integer requested, String firstRecipient) throws IOException {
    List<SimCard> active = sims.activeSims();
    if (requested != null) {
      if (active.isEmpty() || find(active, requested) != null) return new Choice(requested, null);
      return new Choice(0, FailureReason.SIM_UNAVAILABLE);
    }
    if (active.isEmpty()) return new Choice(-1, null);
    Optional<Integer> thread = store.lastSubIdWith(firstRecipient);
    if (thread.isPresent() && find(active, thread.get()) != null) {
      return new Choice(thread.get(), null);
    }
    for (SimCard s : active) if (s.isDefault) return new Choice(s.subId, null);
    return new Choice(active.get(0).subId, null);
  }

  private static SimCard find(List<SimCard> active, int subId) {
    for (SimCard s : active) if (s.subId == subId) return s;
    return null;
  }
}
