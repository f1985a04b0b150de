package app.textbridge.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What the phone advertises over mDNS (PROTOCOL.md §3). */
public final class Advert {
  /** 32 lower-case hex characters. */
  public final String instanceId;

  public final int port;
  public final List<Integer> versions;

  /** 16 hex characters while a scanned QR waits for its desktop, else null. */
  public final String pairingTag;

  public Advert(String instanceId, int port, List<Integer> versions, String pairingTag) {
    this.instanceId = instanceId;
    this.port = port;
    this.versions = Collections.unmodifiableList(new ArrayList<>(versions));
    this.pairingTag = pairingTag;
  }
}
