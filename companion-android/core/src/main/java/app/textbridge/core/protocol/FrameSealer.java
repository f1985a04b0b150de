package app.textbridge.core.protocol;

import app.textbridge.core.crypto.Primitives;

/** Seals outgoing frames with an implicit counter (PROTOCOL.md §6). Not thread-safe. */
public final class FrameSealer {
  private final byte[] key;
  private long n;

  public FrameSealer(byte[] key) {
    this.key = key.clone();
  }

  public byte[] seal(byte[] plaintext) throws FrameException {
    if (plaintext.length > Constants.MAX_PLAINTEXT_BYTES) {
      throw new FrameException(FrameException.Code.TOO_LARGE);
    }
    if (n >= Constants.MAX_FRAMES_PER_SESSION) {
      throw new FrameException(FrameException.Code.COUNTER_EXHAUSTED);
    }
    return Primitives.seal(key, n++, plaintext);
  }
}
