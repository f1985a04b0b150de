package app.textbridge.core.protocol;

import app.textbridge.core.crypto.CryptoException;
import app.textbridge.core.crypto.Primitives;

/**
 * Opens incoming frames with the expected counter (PROTOCOL.md §6). After one failure it stays
 * broken: nothing from that frame or any later one is delivered. Not thread-safe.
 */
public final class FrameOpener {
  private final byte[] key;
  private long n;
  private boolean broken;

  public FrameOpener(byte[] key) {
    this.key = key.clone();
  }

  public byte[] open(byte[] frame) throws FrameException {
    if (broken) throw new FrameException(FrameException.Code.DECRYPT_FAILED);
    if (frame.length > Constants.MAX_FRAME_BYTES) {
      broken = true;
      throw new FrameException(FrameException.Code.TOO_LARGE);
    }
    try {
      return Primitives.open(key, n++, frame);
    } catch (CryptoException e) {
      broken = true;
      throw new FrameException(FrameException.Code.DECRYPT_FAILED);
    }
  }
}
