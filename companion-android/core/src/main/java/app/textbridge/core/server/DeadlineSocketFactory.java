package app.textbridge.core.server;

import app.textbridge.core.port.Scheduler;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.List;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WebSocketServerFactory;
import org.java_websocket.drafts.Draft;
import org.java_websocket.framing.CloseFrame;

/**
 * Creates sockets that are cut at the handshake deadline even if they never finish the HTTP upgrade
 * (the core's own deadline starts only after it), and that may send at most 16 KiB before the
 * upgrade completes, so a slow or silent client cannot hold memory or a slot (§7).
 */
final class DeadlineSocketFactory implements WebSocketServerFactory {
  private static final int MAX_UPGRADE_BYTES = 16 * 1024;
  private final Scheduler scheduler;
  private final long deadlineMs;

  DeadlineSocketFactory(Scheduler scheduler, long deadlineMs) {
    this.scheduler = scheduler;
    this.deadlineMs = deadlineMs;
  }

  @Override
  public WebSocketImpl createWebSocket(WebSocketAdapter a, Draft d) {
    return watch(new LimitedSocket(a, java.util.Collections.singletonList(d)));
  }

  @Override
  public WebSocketImpl createWebSocket(WebSocketAdapter a, List<Draft> drafts) {
    return watch(new LimitedSocket(a, drafts));
  }

  private WebSocketImpl watch(LimitedSocket ws) {
    scheduler.schedule(
        deadlineMs,
        () -> {
          if (!ws.isOpen() && !ws.isClosed())
            ws.closeConnection(CloseFrame.NEVER_CONNECTED, "deadline");
        });
    return ws;
  }

  @Override
  public SocketChannel wrapChannel(SocketChannel channel, SelectionKey key) {
    return channel;
  }

  @Override
  public void close() {}

  /** Counts bytes received before the upgrade completed. */
  static final class LimitedSocket extends WebSocketImpl {
    private long beforeUpgrade;

    LimitedSocket(WebSocketAdapter listener, List<Draft> drafts) {
      super(listener, drafts);
    }

    @Override
    public void decode(ByteBuffer buffer) {
      if (!isOpen() && !isClosing() && !isClosed()) {
        beforeUpgrade += buffer.remaining();
        if (beforeUpgrade > MAX_UPGRADE_BYTES) {
          closeConnection(CloseFrame.NEVER_CONNECTED, "upgrade too large");
          return;
        }
      }
      super.decode(buffer);
    }
  }
}
