package app.textbridge.core.testutil;

import app.textbridge.core.session.Transport;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what a connection sends and how it closes. */
public final class FakeTransport implements Transport {
  public final List<byte[]> sent = new CopyOnWriteArrayList<>();
  public volatile int closeCode = -1;
  public volatile boolean handshakeFinished;

  @Override
  public void send(byte[] message) {
    sent.add(message);
  }

  @Override
  public void close(int code, String reason) {
    if (closeCode == -1) closeCode = code;
  }

  @Override
  public void handshakeFinished() {
    handshakeFinished = true;
  }

  @Override
  public String describe() {
    return "fake";
  }
}
