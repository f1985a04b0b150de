package app.textbridge.core.protocol;

/** Numbers fixed by PROTOCOL.md §3–§7. Change only together with the spec and the vectors. */
public final class Constants {
  private Constants() {}

  public static final int PROTOCOL_VERSION = 1;
  public static final int[] SUPPORTED_VERSIONS = {PROTOCOL_VERSION};
  public static final String SERVICE_TYPE = "_textbridge._tcp.local.";
  public static final String WS_PATH = "/textbridge";
  public static final String WS_SUBPROTOCOL = "textbridge.1";
  public static final int DEFAULT_PHONE_PORT = 47800;

  public static final int MAX_HANDSHAKE_MESSAGE_BYTES = 4096;
  public static final int MAX_HANDSHAKE_PAYLOAD_BYTES = 512;
  public static final int MAX_PLAINTEXT_BYTES = 4 * 1024 * 1024;
  public static final int MAX_FRAME_BYTES = MAX_PLAINTEXT_BYTES + 16;

  /** §6: at most 2^32 frames per direction and session. */
  public static final long MAX_FRAMES_PER_SESSION = 1L << 32;

  public static final long HANDSHAKE_TIMEOUT_MS = 10_000;
  public static final int MAX_PENDING_SOCKETS = 8;
  public static final long PAIRING_CONFIRM_PHONE_MS = 120_000;
  public static final long KEEPALIVE_TIMEOUT_MS = 45_000;
  public static final long UNPAIR_ACK_WAIT_MS = 5_000;

  public static final long QR_LIFETIME_S = 120;
  public static final long QR_SKEW_PAST_S = 30;
  public static final long QR_MAX_FUTURE_S = 600;
  public static final int QR_MAX_URI_LENGTH = 512;

  public static final String PAIRING_PROTOCOL_NAME =
      "Textbridge_KXpsk0_25519_XSalsa20Poly1305_SHA512_v1";
  public static final String RECONNECT_PROTOCOL_NAME =
      "Textbridge_IK_25519_XSalsa20Poly1305_SHA512_v1";
  public static final String SAS_LABEL = "textbridge/1 sas";
  public static final String PAIRING_TAG_LABEL = "textbridge/1 pairing tag";

  public static boolean supportsVersion(int version) {
    for (int v : SUPPORTED_VERSIONS) if (v == version) return true;
    return false;
  }
}
