package app.textbridge.core.server;

import app.textbridge.core.protocol.CloseCode;
import app.textbridge.core.protocol.Constants;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.LimitExceededException;
import org.java_websocket.extensions.IExtension;
import org.java_websocket.framing.Framedata;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;

/**
 * RFC 6455 with subprotocol {@code textbridge.1}, no extensions (no per-message compression) and a
 * message-size cap that depends on the phase (PROTOCOL.md §7). Java-WebSocket's own cap ({@code
 * maxFrameSize}) is fixed per draft and allocates a frame's full declared size as soon as its
 * header arrives, so this draft reads every frame header itself, before the library does, and
 * refuses a declared size over the current cap: 4096 bytes before the Textbridge handshake finished
 * (close 4000), 4,194,320 bytes after it (close 1009). Nothing is buffered beyond it.
 */
final class CappedDraft extends Draft_6455 {
  private final FrameHeaderScanner scanner = new FrameHeaderScanner();
  private volatile boolean handshakeDone;

  CappedDraft() {
    super(
        Collections.<IExtension>emptyList(),
        Collections.<IProtocol>singletonList(new Protocol(Constants.WS_SUBPROTOCOL)),
        Constants.MAX_FRAME_BYTES);
  }

  /** Raises the cap to the post-handshake frame size (§6). */
  void handshakeFinished() {
    handshakeDone = true;
  }

  @Override
  public Draft copyInstance() {
    // Each connection gets its own scanner state and phase.
    return new CappedDraft();
  }

  @Override
  public List<Framedata> translateFrame(ByteBuffer buffer) throws InvalidDataException {
    long declared = scanner.scan(buffer.duplicate());
    if (handshakeDone) {
      if (declared > Constants.MAX_FRAME_BYTES) {
        throw new LimitExceededException(Constants.MAX_FRAME_BYTES);
      }
    } else if (declared > Constants.MAX_HANDSHAKE_MESSAGE_BYTES) {
      throw new InvalidDataException(CloseCode.PROTOCOL_ERROR.code, "handshake message too large");
    }
    return super.translateFrame(buffer);
  }

  /** The protocols list as Draft_6455 wants it for the client side (tests, JVM desktop). */
  static List<IProtocol> protocols() {
    List<IProtocol> list = new ArrayList<>();
    list.add(new Protocol(Constants.WS_SUBPROTOCOL));
    return list;
  }
}
