package app.textbridge.core.protocol.handshake;

import app.textbridge.core.crypto.Bytes;
import app.textbridge.core.crypto.KeyPair;
import app.textbridge.core.protocol.Constants;
import app.textbridge.core.protocol.HandshakeException;

/** Desktop side of the reconnect handshake (PROTOCOL.md §5.4). */
public final class ReconnectInitiator {
  private final SymmetricState s = new SymmetricState(Constants.RECONNECT_PROTOCOL_NAME);
  private final StepGuard steps = new StepGuard();
  private final KeyPair staticKeys;
  private final KeyPair ephemeral;
  private final HandshakePayload payload;
  private final byte[] phoneStatic;

  public ReconnectInitiator(
      KeyPair staticKeys, HandshakePayload payload, byte[] phoneStatic, KeyPair ephemeral) {
    this.staticKeys = staticKeys;
    this.payload = payload;
    this.phoneStatic = phoneStatic.clone();
    this.ephemeral = ephemeral != null ? ephemeral : KeyPair.generate();
    s.mixHash(this.phoneStatic);
  }

  public byte[] writeInit() throws HandshakeException {
    steps.enter(StepGuard.Step.INIT);
    byte[] header = Wire.header(Wire.RECONNECT_INIT);
    s.mixHash(header);
    byte[] e = ephemeral.publicKey();
    s.mixHash(e);
    s.mixKey(Wire.dh(ephemeral.secretKey(), phoneStatic));
    byte[] encryptedStatic = s.encryptAndHash(staticKeys.publicKey());
    s.mixKey(Wire.dh(staticKeys.secretKey(), phoneStatic));
    byte[] c = s.encryptAndHash(payload.encode());
    steps.leave(StepGuard.Step.RESP);
    return Bytes.concat(header, e, encryptedStatic, c);
  }

  public HandshakeResult readResp(byte[] message) throws HandshakeException {
    steps.enter(StepGuard.Step.RESP);
    Wire.check(message, Wire.RECONNECT_RESP);
    Wire.Reader r = new Wire.Reader(message);
    s.mixHash(r.take(2));
    byte[] ep = r.take(32);
    s.mixHash(ep);
    s.mixKey(Wire.dh(ephemeral.secretKey(), ep));
    s.mixKey(Wire.dh(staticKeys.secretKey(), ep));
    HandshakePayload remote = HandshakePayload.decode(s.decryptAndHash(r.rest()));
    steps.leave(StepGuard.Step.DONE);
    return new HandshakeResult(s.split(), s.handshakeHash(), phoneStatic, remote, false);
  }
}
