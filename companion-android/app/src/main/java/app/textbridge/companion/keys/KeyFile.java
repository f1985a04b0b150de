package app.textbridge.companion.keys;

import app.textbridge.core.crypto.Bytes;
import app.textbridge.core.model.PairedDesktop;
import app.textbridge.core.support.KeyStateJson;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The key file's format and contents. On disk:
 *
 * <pre>
 *   "TBKF" (4 bytes) | version 0x01 | IV length (1 byte) | IV | AES-GCM ciphertext with its 16-byte tag
 * </pre>
 *
 * The 5-byte header is the GCM associated data, so a file cannot be passed off as another version.
 * The plaintext is {@link KeyStateJson}. Immutable: every change makes a new instance.
 */
final class KeyFile {
  static final byte[] MAGIC = {'T', 'B', 'K', 'F'};
  static final int VERSION = 1;

  final byte[] secretKey;
  final String instanceId;
  final List<PairedDesktop> desktops;

  KeyFile(byte[] secretKey, String instanceId, List<PairedDesktop> desktops) {
    this.secretKey = secretKey == null ? null : secretKey.clone();
    this.instanceId = instanceId;
    this.desktops = Collections.unmodifiableList(new ArrayList<>(desktops));
  }

  static KeyFile empty() {
    return new KeyFile(null, null, Collections.<PairedDesktop>emptyList());
  }

  KeyFile withSecretKey(byte[] key) {
    return new KeyFile(key, instanceId, desktops);
  }

  KeyFile withInstanceId(String id) {
    return new KeyFile(secretKey, id, desktops);
  }

  KeyFile withDesktops(List<PairedDesktop> list) {
    return new KeyFile(secretKey, instanceId, list);
  }

  static byte[] header() {
    return new byte[] {MAGIC[0], MAGIC[1], MAGIC[2], MAGIC[3], (byte) VERSION};
  }

  byte[] seal(SecretCipher cipher) throws GeneralSecurityException {
    byte[] header = header();
    SecretCipher.Sealed sealed = cipher.seal(json(), header);
    if (sealed.iv.length == 0 || sealed.iv.length > 255) {
      throw new GeneralSecurityException("unexpected IV length " + sealed.iv.length);
    }
    return Bytes.concat(header, new byte[] {(byte) sealed.iv.length}, sealed.iv, sealed.ciphertext);
  }

  static KeyFile open(byte[] file, SecretCipher cipher) throws KeysUnreadableException {
    byte[] header = header();
    if (file.length < header.length + 1
        || !Arrays.equals(Arrays.copyOf(file, header.length), header)) {
      throw new KeysUnreadableException("not a Textbridge key file (or an unknown version)", null);
    }
    int ivLength = file[header.length] & 0xff;
    int at = header.length + 1;
    if (ivLength == 0 || file.length < at + ivLength + 16) {
      throw new KeysUnreadableException("key file truncated", null);
    }
    byte[] iv = Arrays.copyOfRange(file, at, at + ivLength);
    byte[] ciphertext = Arrays.copyOfRange(file, at + ivLength, file.length);
    byte[] plain;
    try {
      plain = cipher.open(iv, ciphertext, header);
    } catch (GeneralSecurityException e) {
      throw new KeysUnreadableException("the key file cannot be decrypted", e);
    }
    try {
      return parse(plain);
    } catch (RuntimeException e) {
      throw new KeysUnreadableException("the key file's contents are malformed", e);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  private byte[] json() {
    return KeyStateJson.encode(secretKey, instanceId, desktops);
  }

  private static KeyFile parse(byte[] plain) {
    KeyStateJson.State state = KeyStateJson.decode(plain);
    return new KeyFile(state.secretKey, state.instanceId, state.desktops);
  }
}
