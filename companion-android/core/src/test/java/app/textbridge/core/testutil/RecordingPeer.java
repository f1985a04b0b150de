package app.textbridge.core.testutil;

import app.textbridge.core.protocol.Role;
import app.textbridge.core.protocol.message.Message;
import app.textbridge.core.protocol.message.MessageCodec;
import app.textbridge.core.protocol.message.MessageException;
import app.textbridge.core.session.Peer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A peer that keeps what it was sent (each message is also checked by the encoder). */
public final class RecordingPeer implements Peer {
  public final List<Message> sent = new CopyOnWriteArrayList<>();
  private final String key;
  public volatile boolean open = true;

  public RecordingPeer(String keyHex) {
    this.key = keyHex;
  }

  @Override
  public void send(Message message) {
    try {
      MessageCodec.encode(message, Role.PHONE);
    } catch (MessageException e) {
      throw new AssertionError("invalid message sent: " + e.getMessage());
    }
    sent.add(message);
  }

  @Override
  public String desktopKeyHex() {
    return key;
  }

  @Override
  public String desktopName() {
    return "peer";
  }

  @Override
  public boolean isOpen() {
    return open;
  }
}
