package app.textbridge.core.protocol;

import app.textbridge.core.protocol.message.Message;
import app.textbridge.core.protocol.message.MessageCodec;
import app.textbridge.core.protocol.message.MessageException;
import app.textbridge.core.protocol.message.Received;

/**
 * One side of an established session: messages in and out as encrypted frames (§6, §8). Callers
 * serialise {@link #encode} calls in the order the frames are sent; likewise {@link #decode}.
 */
public final class SecureChannel {
  private final Role role;
  private final FrameSealer sealer;
  private final FrameOpener opener;

  public SecureChannel(TransportKeys keys, Role role) {
    this.role = role;
    if (role == Role.DESKTOP) {
      sealer = new FrameSealer(keys.desktopToPhone());
      opener = new FrameOpener(keys.phoneToDesktop());
    } else {
      sealer = new FrameSealer(keys.phoneToDesktop());
      opener = new FrameOpener(keys.desktopToPhone());
    }
  }

  public byte[] encode(Message message) throws MessageException, FrameException {
    return sealer.seal(MessageCodec.encode(message, role));
  }

  /** Throws FrameException (4004/1009) or MessageException (4000). */
  public Received decode(byte[] frame) throws FrameException, MessageException {
    return MessageCodec.decode(opener.open(frame), role);
  }
}
