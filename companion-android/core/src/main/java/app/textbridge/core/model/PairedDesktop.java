package app.textbridge.core.model;

import java.util.Arrays;
import java.util.Objects;

/** A desktop the user accepted (PROTOCOL.md §5.3): its pinned static key and what it told us. */
public final class PairedDesktop {
  private final byte[] publicKey;
  public final String name;

  /** The desktop's instance id from its pairing payload (32 hex). */
  public final String instanceId;

  public final long pairedAt;

  public PairedDesktop(byte[] publicKey, String name, String instanceId, long pairedAt) {
    if (publicKey.length != 32) throw new IllegalArgumentException("public key length");
    this.publicKey = publicKey.clone();
    this.name = Objects.requireNonNull(name, "name");
    this.instanceId = Objects.requireNonNull(instanceId, "instanceId");
    this.pairedAt = pairedAt;
  }

  public byte[] publicKey() {
    return publicKey.clone();
  }

  public boolean hasKey(byte[] key) {
    return Arrays.equals(publicKey, key);
  }
}
