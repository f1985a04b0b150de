package app.textbridge.core.testutil;

import app.textbridge.core.protocol.Role;
import app.textbridge.core.protocol.message.Message;
import app.textbridge.core.protocol.message.MessageCodec;
import app.textbridge.core.protocol.message.MessageException;
import app.textbridge.core.session.Peer;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** A peer that keeps what it was sent (each message is also checked by the encoder). */
public final class RecordingPeer implements Peer {
  public final List<Message> sent = new CopyOnWriteArrayList<>();
  private final String key;
  public volatile boolean open = true;
  private final Set<String> capabilities;

  /** A desktop that listed {@code capabilities} in its hello. */
  public RecordingPeer(String keyHex, String... capabilities) {
    this.key = keyHex;
    this.capabilities = Collections.unmodifiableSet(new HashSet<>(Arrays.asList(capabilities)));
  }

  @Override
  public Set<String> capabilities() {
    return capabilities;
  }

  /** The last message sent, which must be of {@code type}. */
  public Message last(app.textbridge.core.protocol.message.MessageType type) {
    if (sent.isEmpty()) throw new AssertionError("nothing sent");
    Message m = sent.get(sent.size() - 1);
    if (m.type != type) throw new AssertionError("last sent was " + m.type.wire);
    return m;
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
