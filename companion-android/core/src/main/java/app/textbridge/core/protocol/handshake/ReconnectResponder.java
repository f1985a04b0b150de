package app.textbridge.core.protocol.handshake;

import app.textbridge.core.crypto.Bytes;
import app.textbridge.core.crypto.KeyPair;
import app.textbridge.core.protocol.Constants;
import app.textbridge.core.protocol.HandshakeException;

/**
 * Phone side of the reconnect handshake (PROTOCOL.md §5.4): learns which paired desktop is calling
 * from the encrypted SD and refuses unknown keys (4006) without further work.
 */
public final class ReconnectResponder {
  /** Whether a desktop key is paired; called once, after SD decrypts. */
  public interface PairedCheck {
    boolean isPaired(byte[] desktopStatic);
  }

  private final SymmetricState s = new SymmetricState(Constants.RECONNECT_PROTOCOL_NAME);
  private final StepGuard steps = new StepGuard();
  private final KeyPair staticKeys;
  private final KeyPair ephemeral;
  private final HandshakePayload payload;
  private final PairedCheck paired;
  private byte[] remoteEphemeral;
  private byte[] desktopStatic;
  private HandshakePayload remotePayload;
  private HandshakeResult result;

  public ReconnectResponder(
      KeyPair staticKeys, HandshakePayload payload, PairedCheck paired, KeyPair ephemeral) {
    this.staticKeys = staticKeys;
    this.payload = payload;
    this.paired = paired;
    this.ephemeral = ephemeral != null ? ephemeral : KeyPair.generate();
    s.mixHash(staticKeys.publicKey());
  }

  /** Returns the desktop's static key once both SD and the payload decrypted. */
  public byte[] readInit(byte[] message) throws HandshakeException {
    steps.enter(StepGuard.Step.INIT);
    Wire.check(message, Wire.RECONNECT_INIT);
    Wire.Reader r = new Wire.Reader(message);
    s.mixHash(r.take(2));
    byte[] ed = r.take(32);
    s.mixHash(ed);
    s.mixKey(Wire.dh(staticKeys.secretKey(), ed));
    byte[] sd = s.decryptAndHash(r.take(48));
    if (!paired.isPaired(sd)) throw new HandshakeException(HandshakeException.Code.UNKNOWN_PEER);
    s.mixKey(Wire.dh(staticKeys.secretKey(), sd));
    remotePayload = HandshakePayload.decode(s.decryptAndHash(r.rest()));
    remoteEphemeral = ed;
    desktopStatic = sd;
    steps.leave(StepGuard.Step.RESP);
    return sd.clone();
  }

  public byte[] writeResp() throws HandshakeException {
    steps.enter(StepGuard.Step.RESP);
    byte[] header = Wire.header(Wire.RECONNECT_RESP);
    s.mixHash(header);
    byte[] ep = ephemeral.publicKey();
    s.mixHash(ep);
    s.mixKey(Wire.dh(ephemeral.secretKey(), remoteEphemeral));
    s.mixKey(Wire.dh(ephemeral.secretKey(), desktopStatic));
    byte[] c = s.encryptAndHash(payload.encode());
    result = new HandshakeResult(s.split(), s.handshakeHash(), desktopStatic, remotePayload, false);
    steps.leave(StepGuard.Step.DONE);
    return Bytes.concat(header, ep, c);
  }

  public HandshakeResult result() throws HandshakeException {
    if (result == null) throw new HandshakeException(HandshakeException.Code.WRONG_STATE);
    return result;
  }
}
