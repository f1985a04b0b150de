package app.textbridge.core.server;

import java.nio.ByteBuffer;

/**
 * Follows a WebSocket byte stream (RFC 6455 §5.2) just far enough to know each data message's
 * declared size: frame headers are parsed (even when split across reads), payloads skipped. The
 * size of a fragmented message is the sum of its fragments. Control frames (opcode ≥ 8) do not
 * count. Returns the largest size declared so far in the current message.
 */
final class FrameHeaderScanner {
  private final byte[] header = new byte[14];
  private int headerHave;
  private long payloadLeft;
  private long messageSize;
  private long largest;

  /** Consumes the bytes of {@code buffer} (a duplicate); returns the largest declared size. */
  long scan(ByteBuffer buffer) {
    while (buffer.hasRemaining()) {
      if (payloadLeft > 0) {
        int skip = (int) Math.min(payloadLeft, buffer.remaining());
        // Through Buffer: ByteBuffer.position(int) returning ByteBuffer is Java 9+ (not Android
        // 26).
        ((java.nio.Buffer) buffer).position(buffer.position() + skip);
        payloadLeft -= skip;
        continue;
      }
      header[headerHave++] = buffer.get();
      int need = headerLength();
      if (headerHave < need) continue;
      frameStarts();
      headerHave = 0;
    }
    return largest;
  }

  private int headerLength() {
    if (headerHave < 2) return 2;
    int len7 = header[1] & 0x7f;
    int ext = len7 == 126 ? 2 : len7 == 127 ? 8 : 0;
    int mask = (header[1] & 0x80) != 0 ? 4 : 0;
    return 2 + ext + mask;
  }

  private void frameStarts() {
    boolean fin = (header[0] & 0x80) != 0;
    int opcode = header[0] & 0x0f;
    long length = payloadLength();
    payloadLeft = length;
    if (opcode >= 8) return;
    // A negative (>= 2^63) length is treated as "too large".
    messageSize =
        length < 0 ? Long.MAX_VALUE : saturatingAdd(opcode == 0 ? messageSize : 0, length);
    largest = Math.max(largest, messageSize);
    if (fin) messageSize = 0;
    if (length < 0) payloadLeft = Long.MAX_VALUE;
  }

  private long payloadLength() {
    int len7 = header[1] & 0x7f;
    if (len7 < 126) return len7;
    int bytes = len7 == 126 ? 2 : 8;
    long n = 0;
    for (int i = 0; i < bytes; i++) n = (n << 8) | (header[2 + i] & 0xff);
    return n;
  }

  private static long saturatingAdd(long a, long b) {
    long r = a + b;
    return r < 0 ? Long.MAX_VALUE : r;
  }
}
