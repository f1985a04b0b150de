package app.textbridge.core.testutil;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A minimal WebSocket client on a plain socket (RFC 6455), cheap enough to open a thousand and able
 * to send what a real library would refuse: a frame header that announces 100 MiB, text frames.
 */
public final class RawWsClient implements AutoCloseable {
  private final Socket socket = new Socket();
  private DataInputStream in;
  private OutputStream out;
  public int httpStatus;

  /** Connects and upgrades; returns false when the server refused the upgrade. */
  public boolean connect(int port, String path, String protocol, int timeoutMs) throws IOException {
    socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMs);
    socket.setSoTimeout(timeoutMs);
    in = new DataInputStream(socket.getInputStream());
    out = socket.getOutputStream();
    String key = Base64.getEncoder().encodeToString(new byte[16]);
    String req =
        "GET "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1:"
            + port
            + "\r\n"
            + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
            + key
            + "\r\n"
            + "Sec-WebSocket-Version: 13\r\n"
            + (protocol == null ? "" : "Sec-WebSocket-Protocol: " + protocol + "\r\n")
            + "\r\n";
    out.write(req.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    String status = readLine(in);
    httpStatus = status.length() >= 12 ? Integer.parseInt(status.substring(9, 12)) : -1;
    while (!readLine(in).isEmpty()) {
      // headers
    }
    return httpStatus == 101;
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1 && c != '\n') if (c != '\r') b.write(c);
    if (c == -1 && b.size() == 0) return "";
    return new String(b.toByteArray(), StandardCharsets.US_ASCII);
  }

  public void sendBinary(byte[] payload) throws IOException {
    sendFrame(0x2, payload, payload.length);
  }

  public void sendText(String text) throws IOException {
    byte[] p = text.getBytes(StandardCharsets.UTF_8);
    sendFrame(0x1, p, p.length);
  }

  /** Sends a header announcing {@code declared} bytes, then only {@code payload}. */
  public void sendFrame(int opcode, byte[] payload, long declared) throws IOException {
    ByteArrayOutputStream f = new ByteArrayOutputStream();
    f.write(0x80 | opcode);
    if (declared < 126) {
      f.write(0x80 | (int) declared);
    } else if (declared < 65536) {
      f.write(0x80 | 126);
      f.write((int) (declared >> 8));
      f.write((int) declared);
    } else {
      f.write(0x80 | 127);
      for (int i = 7; i >= 0; i--) f.write((int) (declared >> (8 * i)));
    }
    byte[] mask = {1, 2, 3, 4};
    f.write(mask);
    for (int i = 0; i < payload.length; i++) f.write(payload[i] ^ mask[i % 4]);
    out.write(f.toByteArray());
    out.flush();
  }

  /** The next binary frame's payload, or null when a close frame (or EOF) came first. */
  public byte[] readBinary() throws IOException {
    while (true) {
      Frame f = readFrame();
      if (f == null || f.opcode == 0x8) {
        lastClose = f == null ? -1 : f.closeCode();
        return null;
      }
      if (f.opcode == 0x2) return f.payload;
    }
  }

  public int lastClose = -2;

  /** Waits for the close frame; returns its code, -1 for EOF, -3 for a timeout. */
  public int awaitClose() throws IOException {
    try {
      while (true) {
        Frame f = readFrame();
        if (f == null) return -1;
        if (f.opcode == 0x8) return f.closeCode();
      }
    } catch (SocketTimeoutException e) {
      return -3;
    }
  }

  private Frame readFrame() throws IOException {
    int b0 = in.read();
    if (b0 == -1) return null;
    int b1 = in.readUnsignedByte();
    long len = b1 & 0x7f;
    if (len == 126) len = in.readUnsignedShort();
    else if (len == 127) len = in.readLong();
    byte[] payload = new byte[(int) len];
    in.readFully(payload);
    return new Frame(b0 & 0x0f, payload);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private static final class Frame {
    final int opcode;
    final byte[] payload;

    Frame(int opcode, byte[] payload) {
      this.opcode = opcode;
      this.payload = payload;
    }

    int closeCode() {
      return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
    }
  }
}
