package app.textbridge.core.session;

import app.textbridge.core.protocol.message.Message;
import java.util.Set;

/** An authenticated, paired session as the services see it. */
public interface Peer {
  /** Seals and sends one message; dropped silently when the session has closed. */
  void send(Message message);

  /** Hex of the desktop's static public key (its identity here). */
  String desktopKeyHex();

  /** The desktop's display name (logs, UI). */
  String desktopName();

  boolean isOpen();

  /**
   * The capabilities the desktop listed in its hello (PROTOCOL.md §9.1); empty before it arrived.
   * What a capability adds is sent only to desktops that listed it.
   */
  Set<String> capabilities();
}
