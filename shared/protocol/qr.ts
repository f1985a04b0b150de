// The QR payload URI (PROTOCOL.md §4). Parsing is strict: a scanned code is untrusted input.
import { fromBase64Url, toBase64Url, EncodingError } from '../bytes'
import { CodedError } from '../errors'
import { QR_MAX_FUTURE_S, QR_MAX_URI_LENGTH, QR_SKEW_PAST_S, SUPPORTED_VERSIONS } from './constants'
import { displayName } from './messages/common'

export interface QrPayload {
  readonly version: number
  readonly pairingId: Uint8Array
  readonly desktopStatic: Uint8Array
  readonly secret: Uint8Array
  /** Unix seconds. */
  readonly expiresAt: number
  readonly name: string
}

export type QrErrorCode = 'bad_qr' | 'unsupported_version' | 'expired_qr'

export class QrError extends CodedError<QrErrorCode> {
  override readonly name = 'QrError'
}

const PREFIX = 'textbridge:pair?'
const PARAMS = ['v', 'id', 'pk', 's', 'exp', 'name'] as const
type Param = (typeof PARAMS)[number]

export function encodeQrPayload(p: QrPayload): string {
  const uri =
    `${PREFIX}v=${p.version}&id=${toBase64Url(p.pairingId)}&pk=${toBase64Url(p.desktopStatic)}` +
    `&s=${toBase64Url(p.secret)}&exp=${p.expiresAt}&name=${encodeURIComponent(p.name)}`
  if (uri.length > QR_MAX_URI_LENGTH) throw new QrError('bad_qr', 'payload too long')
  return uri
}

/** Parses and checks a scanned URI; `nowSeconds` is the phone's clock. */
export function parseQrPayload(uri: string, nowSeconds: number): QrPayload {
  if (uri.length > QR_MAX_URI_LENGTH || !uri.startsWith(PREFIX)) throw new QrError('bad_qr')
  const values = new Map<Param, string>()
  for (const pair of uri.slice(PREFIX.length).split('&')) {
    const eq = pair.indexOf('=')
    if (eq < 0) throw new QrError('bad_qr', 'parameter without value')
    const key = pair.slice(0, eq)
    if (!(PARAMS as readonly string[]).includes(key)) continue
    if (values.has(key as Param)) throw new QrError('bad_qr', `repeated ${key}`)
    values.set(key as Param, pair.slice(eq + 1))
  }
  const get = (key: Param): string => {
    const value = values.get(key)
    if (value === undefined) throw new QrError('bad_qr', `missing ${key}`)
    return value
  }
  const version = decimal(get('v'))
  if (!SUPPORTED_VERSIONS.includes(version)) throw new QrError('unsupported_version')
  const payload: QrPayload = {
    version,
    pairingId: bytesOf(get('id'), 16),
    desktopStatic: bytesOf(get('pk'), 32),
    secret: bytesOf(get('s'), 32),
    expiresAt: decimal(get('exp')),
    name: nameOf(get('name')),
  }
  if (payload.expiresAt < nowSeconds - QR_SKEW_PAST_S) throw new QrError('expired_qr')
  if (payload.expiresAt > nowSeconds + QR_MAX_FUTURE_S) throw new QrError('expired_qr')
  return payload
}

function decimal(text: string): number {
  if (!/^(0|[1-9][0-9]{0,15})$/.test(text)) throw new QrError('bad_qr', 'not a decimal')
  const n = Number(text)
  if (!Number.isSafeInteger(n)) throw new QrError('bad_qr', 'number too large')
  return n
}

function bytesOf(text: string, length: number): Uint8Array {
  try {
    const bytes = fromBase64Url(text)
    if (bytes.length !== length) throw new QrError('bad_qr', 'wrong field length')
    return bytes
  } catch (e) {
    if (e instanceof EncodingError) throw new QrError('bad_qr', 'bad base64url')
    throw e
  }
}

function nameOf(text: string): string {
  let name: string
  try {
    name = decodeURIComponent(text)
  } catch {
    throw new QrError('bad_qr', 'bad percent-encoding')
  }
  if (!displayName.safeParse(name).success) throw new QrError('bad_qr', 'bad name')
  return name
}
