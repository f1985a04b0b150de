package app.textbridge.core.port;

import app.textbridge.core.model.SimCard;
import java.util.List;

/** Active SIM subscriptions (Android: SubscriptionManager.getActiveSubscriptionInfoList). */
public interface SimSource {
  /** The active subscriptions, at most 8; empty when unknown or not permitted. */
  List<SimCard> activeSims();
}
