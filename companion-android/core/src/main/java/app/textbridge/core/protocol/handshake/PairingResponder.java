package app.textbridge.core.protocol.handshake;

import app.textbridge.core.crypto.Bytes;
import app.textbridge.core.crypto.KeyPair;
import app.textbridge.core.protocol.Constants;
import app.textbridge.core.protocol.HandshakeException;
import java.util.Arrays;

/**
 * Phone side of the pairing handshake (PROTOCOL.md §5.3). The caller checks the pairing id against
 * its scanned QR ({@link #peekPairingId}) and burns the QR before calling {@link #readInit}.
 */
public final class PairingResponder {
  private final SymmetricState s = new SymmetricState(Constants.PAIRING_PROTOCOL_NAME);
  private final StepGuard steps = new StepGuard();
  private final KeyPair staticKeys;
  private final KeyPair ephemeral;
  private final HandshakePayload payload;
  private final byte[] pairingId;
  private final byte[] secret;
  private final byte[] desktopStatic;
  private byte[] remoteEphemeral;
  private HandshakePayload remotePayload;
  private HandshakeResult result;

  public PairingResponder(
      KeyPair staticKeys,
      HandshakePayload payload,
      byte[] pairingId,
      byte[] secret,
      byte[] desktopStatic,
      KeyPair ephemeral) {
    this.staticKeys = staticKeys;
    this.payload = payload;
    this.pairingId = pairingId.clone();
    this.secret = secret.clone();
    this.desktopStatic = desktopStatic.clone();
    this.ephemeral = ephemeral != null ? ephemeral : KeyPair.generate();
    s.mixHash(this.desktopStatic);
  }

  /** The pairing id of a PAIR_INIT, after the header checks and before any cryptography. */
  public static byte[] peekPairingId(byte[] message) throws HandshakeException {
    Wire.check(message, Wire.PAIR_INIT);
    return Bytes.slice(message, 2, 18);
  }

  /** Decrypts PAIR_INIT; throws NO_PENDING_PAIRING for another pairing id. */
  public HandshakePayload readInit(byte[] message) throws HandshakeException {
    steps.enter(StepGuard.Step.INIT);
    if (!Arrays.equals(peekPairingId(message), pairingId)) {
      throw new HandshakeException(HandshakeException.Code.NO_PENDING_PAIRING);
    }
    Wire.Reader r = new Wire.Reader(message);
    s.mixHash(r.take(18));
    s.mixKeyAndHash(secret);
    byte[] ed = r.take(32);
    s.mixHash(ed);
    s.mixKey(ed);
    HandshakePayload remote = HandshakePayload.decode(s.decryptAndHash(r.rest())).requirePairing();
    remoteEphemeral = ed;
    remotePayload = remote;
    steps.leave(StepGuard.Step.RESP);
    return remote;
  }

  public byte[] writeResp() throws HandshakeException {
    steps.enter(StepGuard.Step.RESP);
    byte[] header = Wire.header(Wire.PAIR_RESP);
    s.mixHash(header);
    byte[] ep = ephemeral.publicKey();
    s.mixHash(ep);
    s.mixKey(ep);
    s.mixKey(Wire.dh(ephemeral.secretKey(), remoteEphemeral));
    s.mixKey(Wire.dh(ephemeral.secretKey(), desktopStatic));
    byte[] encryptedStatic = s.encryptAndHash(staticKeys.publicKey());
    s.mixKey(Wire.dh(staticKeys.secretKey(), remoteEphemeral));
    byte[] c = s.encryptAndHash(payload.encode());
    result = new HandshakeResult(s.split(), s.handshakeHash(), desktopStatic, remotePayload, true);
    steps.leave(StepGuard.Step.DONE);
    return Bytes.concat(header, ep, encryptedStatic, c);
  }

  public HandshakeResult result() throws HandshakeException {
    if (result == null) throw new HandshakeException(HandshakeException.Code.WRONG_STATE);
    return result;
  }
}
