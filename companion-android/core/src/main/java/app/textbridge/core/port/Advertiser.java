package app.textbridge.core.port;

import app.textbridge.core.model.Advert;

/**
 * Advertises the phone on the LAN (PROTOCOL.md §3): service {@code _textbridge._tcp}, instance name
 * {@code Textbridge-<first 8 of instance id>}, TXT {@code v}, {@code id} and, while a scanned QR
 * waits, {@code pt}. Android: NsdManager with a multicast lock. Calls come from core threads.
 */
public interface Advertiser {
  /** Starts advertising, or replaces the current advert (e.g. a pairing tag came or went). */
  void advertise(Advert advert);

  /** Stops advertising. */
  void withdraw();
}
