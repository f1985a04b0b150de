package app.textbridge.core;

import app.textbridge.core.protocol.Constants;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Settings of one phone core. Defaults are the spec's numbers (PROTOCOL.md §7). */
public final class PhoneConfig {
  public String appName = "textbridge-companion";
  public String appVersion = "1.0.0";

  /** Shown in hello.device.name and the pairing payload; the user's choice on Android. */
  public String deviceName = "Android phone";

  public String deviceModel = null;

  /**
   * The phone's country (ISO 3166-1 alpha-2, capitals) for hello.device.region, or null. The
   * desktop needs it to read national-format numbers (PROTOCOL.md §9.1).
   */
  public String deviceRegion = null;

  /** Whether this phone sends to several recipients at once (capability send.group). */
  public boolean groupSend = false;

  public long handshakeTimeoutMs = Constants.HANDSHAKE_TIMEOUT_MS;
  public long keepaliveTimeoutMs = Constants.KEEPALIVE_TIMEOUT_MS;
  public long pairingConfirmMs = Constants.PAIRING_CONFIRM_PHONE_MS;
  public long unpairAckWaitMs = Constants.UNPAIR_ACK_WAIT_MS;
  public int maxPendingSockets = Constants.MAX_PENDING_SOCKETS;

  /** Change-journal entries kept at most; older watermarks get reset=true. */
  public int journalCapacity = 100_000;

  /** Plaintext budget of one batch frame: the 4 MiB cap less room for the envelope. */
  public int batchBudgetBytes = Constants.MAX_PLAINTEXT_BYTES - 16 * 1024;

  /** How far apart a sent text's request and the provider's row may be to be linked. */
  public long sendLinkWindowMs = 10 * 60_000;

  public List<String> capabilities() {
    List<String> caps = new ArrayList<>(Arrays.asList("sync", "send", "contacts", "mms.fetch"));
    if (groupSend) caps.add("send.group");
    return caps;
  }
}
