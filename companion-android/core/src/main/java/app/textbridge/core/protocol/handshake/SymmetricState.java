package app.textbridge.core.protocol.handshake;

import app.textbridge.core.crypto.Bytes;
import app.textbridge.core.crypto.CryptoException;
import app.textbridge.core.crypto.Primitives;
import app.textbridge.core.protocol.HandshakeException;
import app.textbridge.core.protocol.TransportKeys;

/** The handshake state of PROTOCOL.md §5.1: h, ck, k, n and the operations on them. */
final class SymmetricState {
  private byte[] h;
  private byte[] ck;
  private byte[] k;
  private long n;

  SymmetricState(String protocolName) {
    h = Primitives.hash(Bytes.utf8(protocolName));
    ck = h;
  }

  byte[] handshakeHash() {
    return h.clone();
  }

  void mixHash(byte[] data) {
    h = Primitives.hash(h, data);
  }

  void mixKey(byte[] ikm) {
    byte[][] out = Primitives.hkdf2(ck, ikm);
    ck = out[0];
    k = Bytes.slice(out[1], 0, 32);
    n = 0;
  }

  void mixKeyAndHash(byte[] ikm) {
    byte[][] out = Primitives.hkdf3(ck, ikm);
    ck = out[0];
    mixHash(out[1]);
    k = Bytes.slice(out[2], 0, 32);
    n = 0;
  }

  byte[] encryptAndHash(byte[] plaintext) throws HandshakeException {
    byte[] c = Primitives.seal(messageKey(), n, plaintext);
    n++;
    mixHash(c);
    return c;
  }

  byte[] decryptAndHash(byte[] ciphertext) throws HandshakeException {
    byte[] p;
    try {
      p = Primitives.open(messageKey(), n, ciphertext);
    } catch (CryptoException e) {
      throw new HandshakeException(HandshakeException.Code.DECRYPT_FAILED);
    }
    n++;
    mixHash(ciphertext);
    return p;
  }

  TransportKeys split() {
    byte[][] t = Primitives.hkdf2(ck, new byte[0]);
    return new TransportKeys(Bytes.slice(t[0], 0, 32), Bytes.slice(t[1], 0, 32));
  }

  /** The per-message key binds the transcript so far (XSalsa20-Poly1305 has no AD). */
  private byte[] messageKey() throws HandshakeException {
    if (k == null) throw new HandshakeException(HandshakeException.Code.WRONG_STATE, "no key");
    return Bytes.slice(Primitives.hmac(k, h), 0, 32);
  }
}
