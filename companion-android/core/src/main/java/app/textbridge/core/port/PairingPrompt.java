package app.textbridge.core.port;

/**
 * Asks the phone's user to confirm a pairing (PROTOCOL.md §5.3 "Confirmation"). Shown only after
 * the pairing handshake completed, never before PAIR_INIT decrypted. Android: a notification and an
 * activity showing the six digits as {@code 123 456}.
 */
public interface PairingPrompt {
  /**
   * Shows the request. The user's answer goes to {@code decision}; only the first answer counts.
   * The core dismisses the prompt itself after 120 s or when the connection drops.
   */
  void show(Request request, Decision decision);

  /** Removes the prompt for {@code requestId} if it is still shown. */
  void dismiss(String requestId);

  /** What the user is asked to confirm. */
  final class Request {
    public final String requestId;

    /** Six digits. */
    public final String sas;

    /** The desktop's display name from its handshake payload (untrusted text: show as text). */
    public final String desktopName;

    public Request(String requestId, String sas, String desktopName) {
      this.requestId = requestId;
      this.sas = sas;
      this.desktopName = desktopName;
    }
  }

  /** The user's answer. Thread-safe; later calls after the first are ignored. */
  interface Decision {
    void accept();

    void reject();
  }
}
