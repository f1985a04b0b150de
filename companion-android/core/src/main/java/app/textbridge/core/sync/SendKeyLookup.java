package app.textbridge.core.sync;

/** The idempotency key that produced a provider row, if the send queue linked one. */
public interface SendKeyLookup {
  /** The key, or null. */
  String sendKeyFor(String messageId);
}
