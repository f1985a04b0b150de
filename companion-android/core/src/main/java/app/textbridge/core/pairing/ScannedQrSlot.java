package app.textbridge.core.pairing;

import app.textbridge.core.port.Clock;
import app.textbridge.core.protocol.Constants;
import app.textbridge.core.protocol.Discovery;
import app.textbridge.core.protocol.HandshakeException;
import app.textbridge.core.protocol.QrException;
import app.textbridge.core.protocol.QrPayload;
import java.util.Arrays;

/**
 * The phone's scanned-QR slot (PROTOCOL.md §4, §5.3): at most one payload, held at most 120 s,
 * burnt by the first pairing attempt that names its pairing id whatever the outcome; an attempt
 * naming another id is refused (4008) and the slot is kept. Thread-safe.
 */
public final class ScannedQrSlot {
  private final Clock clock;
  private QrPayload held;
  private long heldUntil;

  public ScannedQrSlot(Clock clock) {
    this.clock = clock;
  }

  /** Parses a scanned URI (QrException: nothing stored) and replaces whatever was held. */
  public synchronized QrPayload scan(String uri) throws QrException {
    long now = clock.nowMillis();
    QrPayload payload = QrPayload.parse(uri, Math.floorDiv(now, 1000L));
    held = payload;
    heldUntil = now + Constants.QR_LIFETIME_S * 1000;
    return payload;
  }

  /** The pairing tag to advertise, or null when nothing is pending. */
  public synchronized String tag() {
    QrPayload p = live();
    return p == null ? null : Discovery.pairingTag(p.secret());
  }

  public synchronized QrPayload pending() {
    return live();
  }

  /** Milliseconds until the held payload expires, or -1 when nothing is held. */
  public synchronized long remainingMillis() {
    return live() == null ? -1 : heldUntil - clock.nowMillis();
  }

  /**
   * Takes the payload for a PAIR_INIT naming {@code pairingId}: burns it and returns it. Another
   * id, or nothing held: NO_PENDING_PAIRING and the slot is unchanged.
   */
  public synchronized QrPayload attempt(byte[] pairingId) throws HandshakeException {
    QrPayload p = live();
    if (p == null || !Arrays.equals(p.pairingId(), pairingId)) {
      throw new HandshakeException(HandshakeException.Code.NO_PENDING_PAIRING);
    }
    held = null;
    return p;
  }

  public synchronized void clear() {
    held = null;
  }

  private QrPayload live() {
    if (held != null && clock.nowMillis() >= heldUntil) held = null;
    return held;
  }
}
