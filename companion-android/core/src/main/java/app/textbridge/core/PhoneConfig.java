package app.textbridge.core;

import app.textbridge.core.protocol.Capabilities;
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

  /**
   * How long an MMS handed to the platform may go without a result before it becomes unknown.
   * Android drops a request silently when an app-op forbids sending; the MMS service itself gives
   * up on a request well within this (its network timeouts and retries take a few minutes).
   */
  public long mmsResultDeadlineMs = 10 * 60_000;

  /**
   * How long a text handed over past Android's send quota may go without a radio result before the
   * desktop hears waiting_for_user: the system's prompt is up by then.
   */
  public long waitingForUserAfterMs = 2_000;

  /** Uploads are kept this long after their last chunk (PROTOCOL.md §9.14: at least 24 h). */
  public long uploadKeepMs = 24 * 3600_000L;

  /** All uploads together reserve at most this (ten files of the largest size an upload allows). */
  public long uploadCapacityBytes = 50L * 1024 * 1024;

  public int maxUploads = 64;

  /**
   * The hello capabilities. With an MMS sender, send.mms, and send.group with it: several
   * recipients then go as one group MMS. Without one, a request to several is refused (there is no
   * fallback to separate texts, which would be a different conversation for every recipient).
   */
  public List<String> capabilities(boolean sendsMms) {
    List<String> caps =
        new ArrayList<>(
            Arrays.asList(
                Capabilities.SYNC,
                Capabilities.SEND,
                Capabilities.CONTACTS,
                Capabilities.MMS_FETCH));
    if (sendsMms) {
      caps.add(Capabilities.SEND_MMS);
      caps.add(Capabilities.SEND_GROUP);
    }
    return caps;
  }
}
