// Numbers fixed by the spec (PROTOCOL.md §5–§7). Change them only together with the spec,
// the Java constants and the vectors.
export const PROTOCOL_VERSION = 1
export const SUPPORTED_VERSIONS: readonly number[] = [PROTOCOL_VERSION]

export const SERVICE_TYPE = 'textbridge'
export const SERVICE_PROTOCOL = 'tcp'
export const WS_PATH = '/textbridge'
export const WS_SUBPROTOCOL = 'textbridge.1'
export const DEFAULT_PHONE_PORT = 47800

export const MAX_HANDSHAKE_MESSAGE_BYTES = 4096
export const MAX_HANDSHAKE_PAYLOAD_BYTES = 512
export const MAX_PLAINTEXT_BYTES = 4 * 1024 * 1024
export const MAX_FRAME_BYTES = MAX_PLAINTEXT_BYTES + 16
export const MAX_FRAMES_PER_SESSION = 2 ** 32

export const HANDSHAKE_TIMEOUT_MS = 10_000
export const MAX_PENDING_SOCKETS = 8
export const PAIRING_CONFIRM_PHONE_MS = 120_000
export const PAIRING_CONFIRM_DESKTOP_MS = 125_000
export const KEEPALIVE_IDLE_MS = 15_000
export const KEEPALIVE_TIMEOUT_MS = 45_000
export const UNPAIR_ACK_WAIT_MS = 5_000

export const QR_LIFETIME_S = 120
export const QR_SKEW_PAST_S = 30
export const QR_MAX_FUTURE_S = 600
export const QR_MAX_URI_LENGTH = 512

export enum CloseCode {
  Normal = 1000,
  TooLarge = 1009,
  TryAgainLater = 1013,
  ProtocolError = 4000,
  HandshakeFailed = 4001,
  UnsupportedVersion = 4002,
  DecryptFailed = 4004,
  HandshakeTimeout = 4005,
  UnknownPeer = 4006,
  PairingNotConfirmed = 4007,
  NoPendingPairing = 4008,
  Unpaired = 4009,
  KeepaliveTimeout = 4011,
}

export enum HandshakeKind {
  PairInit = 0x01,
  PairResp = 0x02,
  ReconnectInit = 0x03,
  ReconnectResp = 0x04,
}

export const PAIRING_PROTOCOL_NAME = 'Textbridge_KXpsk0_25519_XSalsa20Poly1305_SHA512_v1'
export const RECONNECT_PROTOCOL_NAME = 'Textbridge_IK_25519_XSalsa20Poly1305_SHA512_v1'
export const SAS_LABEL = 'textbridge/1 sas'
export const PAIRING_TAG_LABEL = 'textbridge/1 pairing tag'
