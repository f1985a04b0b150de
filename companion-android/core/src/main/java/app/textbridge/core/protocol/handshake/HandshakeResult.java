package app.textbridge.core.protocol.handshake;

import app.textbridge.core.crypto.Bytes;
import app.textbridge.core.crypto.Primitives;
import app.textbridge.core.protocol.Constants;
import app.textbridge.core.protocol.TransportKeys;

/** What a finished handshake yields. */
public final class HandshakeResult {
  public final TransportKeys keys;
  private final byte[] handshakeHash;
  private final byte[] remoteStatic;
  public final HandshakePayload remotePayload;

  /** Six-digit short code (pairing only), else null. */
  public final String sas;

  HandshakeResult(
      TransportKeys keys,
      byte[] handshakeHash,
      byte[] remoteStatic,
      HandshakePayload remotePayload,
      boolean pairing) {
    this.keys = keys;
    this.handshakeHash = handshakeHash.clone();
    this.remoteStatic = remoteStatic.clone();
    this.remotePayload = remotePayload;
    this.sas = pairing ? shortCode(handshakeHash) : null;
  }

  public byte[] handshakeHash() {
    return handshakeHash.clone();
  }

  public byte[] remoteStatic() {
    return remoteStatic.clone();
  }

  /** §5.3: u32be(HMAC(h, "textbridge/1 sas")[0..4]) mod 10^6, six digits. */
  public static String shortCode(byte[] handshakeHash) {
    byte[] mac = Primitives.hmac(handshakeHash, Bytes.utf8(Constants.SAS_LABEL));
    long value =
        ((mac[0] & 0xffL) << 24)
            | ((mac[1] & 0xffL) << 16)
            | ((mac[2] & 0xffL) << 8)
            | (mac[3] & 0xffL);
    return String.format("%06d", value % 1_000_000L);
  }
}
