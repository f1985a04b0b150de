package app.textbridge.core.port;

/**
 * Status the UI shows (connected desktops, pairing, sends). All methods have empty defaults and are
 * called from core threads; they must not block.
 */
public interface PhoneListener {
  /** The server listens on {@code port}. */
  default void listening(int port, String instanceId) {}

  /** A pairing handshake finished and awaits the user's answer. */
  default void pairingPending(String sas, String desktopName) {}

  /** A desktop was paired (accepted = true) or the attempt ended without pairing. */
  default void pairingFinished(String desktopName, boolean accepted) {}

  /** An authenticated session with a paired desktop started. */
  default void connected(String desktopName) {}

  /** A connection closed with this WebSocket close code. */
  default void disconnected(String desktopName, int code) {}

  /** A send key changed state (wire name of the state). */
  default void sendState(String key, String state) {}

  /** A desktop was unpaired (by either side). */
  default void unpaired(String desktopName) {}
}
