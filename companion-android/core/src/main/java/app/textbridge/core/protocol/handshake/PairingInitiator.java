package app.textbridge.core.protocol.handshake;

import app.textbridge.core.crypto.Bytes;
import app.textbridge.core.crypto.KeyPair;
import app.textbridge.core.protocol.Constants;
import app.textbridge.core.protocol.HandshakeException;

/**
 * Desktop side of the pairing handshake (PROTOCOL.md §5.3). The phone never runs this; the core
 * keeps it for tests and for a JVM desktop peer.
 */
public final class PairingInitiator {
  private final SymmetricState s = new SymmetricState(Constants.PAIRING_PROTOCOL_NAME);
  private final StepGuard steps = new StepGuard();
  private final KeyPair staticKeys;
  private final KeyPair ephemeral;
  private final HandshakePayload payload;
  private final byte[] pairingId;
  private final byte[] secret;

  /** {@code ephemeral} is null in production (a fresh one is generated); vectors fix it. */
  public PairingInitiator(
      KeyPair staticKeys,
      HandshakePayload payload,
      byte[] pairingId,
      byte[] secret,
      KeyPair ephemeral) {
    this.staticKeys = staticKeys;
    this.payload = payload;
    this.pairingId = pairingId.clone();
    this.secret = secret.clone();
    this.ephemeral = ephemeral != null ? ephemeral : KeyPair.generate();
    s.mixHash(staticKeys.publicKey());
  }

  public byte[] writeInit() throws HandshakeException {
    steps.enter(StepGuard.Step.INIT);
    byte[] header = Bytes.concat(Wire.header(Wire.PAIR_INIT), pairingId);
    s.mixHash(header);
    s.mixKeyAndHash(secret);
    byte[] e = ephemeral.publicKey();
    s.mixHash(e);
    s.mixKey(e);
    byte[] c = s.encryptAndHash(payload.encode());
    steps.leave(StepGuard.Step.RESP);
    return Bytes.concat(header, e, c);
  }

  public HandshakeResult readResp(byte[] message) throws HandshakeException {
    steps.enter(StepGuard.Step.RESP);
    Wire.check(message, Wire.PAIR_RESP);
    Wire.Reader r = new Wire.Reader(message);
    s.mixHash(r.take(2));
    byte[] ep = r.take(32);
    s.mixHash(ep);
    s.mixKey(ep);
    s.mixKey(Wire.dh(ephemeral.secretKey(), ep));
    s.mixKey(Wire.dh(staticKeys.secretKey(), ep));
    byte[] phoneStatic = s.decryptAndHash(r.take(48));
    s.mixKey(Wire.dh(ephemeral.secretKey(), phoneStatic));
    HandshakePayload remote = HandshakePayload.decode(s.decryptAndHash(r.rest())).requirePairing();
    steps.leave(StepGuard.Step.DONE);
    return new HandshakeResult(s.split(), s.handshakeHash(), phoneStatic, remote, true);
  }
}
