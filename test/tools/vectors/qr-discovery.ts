import { toHex } from '../../../shared/bytes'
import {
  encodeQrPayload,
  encodeTxt,
  pairingTag,
  parseQrPayload,
  parseTxt,
  QrError,
} from '../../../shared/protocol'
import { DESKTOP_STATIC, PAIRING_ID, PHONE_ID, QR_SECRET } from './keys'

const NOW = 1_700_000_000

export function qrVector(): Record<string, unknown> {
  const base = {
    version: 1,
    pairingId: PAIRING_ID,
    desktopStatic: DESKTOP_STATIC.publicKey,
    secret: QR_SECRET,
    expiresAt: NOW + 120,
    name: 'Ada’s laptop (work) & co',
  }
  const uri = encodeQrPayload(base)
  const withName = (name: string) => uri.replace(/name=[^&]*$/, `name=${name}`)
  const invalid: [string, string][] = [
    [uri.replace('textbridge:pair?', 'textbridge:pairing?'), 'bad_qr'],
    [uri.replace('textbridge:', 'https:'), 'bad_qr'],
    [uri.replace('v=1', 'v=2'), 'unsupported_version'],
    [uri.replace(/&s=[^&]*/, ''), 'bad_qr'],
    [`${uri}&s=${uri.split('&s=')[1]?.split('&')[0] ?? ''}`, 'bad_qr'],
    [uri.replace(/pk=[^&]*/, 'pk=AAAA'), 'bad_qr'],
    [uri.replace(/id=[^&]*/, 'id=not*base64url'), 'bad_qr'],
    [uri.replace(/exp=\d+/, `exp=${NOW - 31}`), 'expired_qr'],
    [uri.replace(/exp=\d+/, `exp=${NOW + 601}`), 'expired_qr'],
    [uri.replace(/exp=\d+/, 'exp=01700000000'), 'bad_qr'],
    [withName(''), 'bad_qr'],
    [withName('%E0%A4%A'), 'bad_qr'],
    [withName('tab%09name'), 'bad_qr'],
    [withName('x'.repeat(65)), 'bad_qr'],
    [`${uri}&pad=${'x'.repeat(512)}`, 'bad_qr'],
  ]
  return {
    now: NOW,
    valid: [uri, `${uri}&future=ignored`, uri.replace(/exp=\d+/, `exp=${NOW - 30}`)].map((u) => {
      const p = parseQrPayload(u, NOW)
      return {
        uri: u,
        version: p.version,
        pairingId: toHex(p.pairingId),
        desktopStatic: toHex(p.desktopStatic),
        secret: toHex(p.secret),
        expiresAt: p.expiresAt,
        name: p.name,
      }
    }),
    invalid: invalid.map(([u, error]) => {
      try {
        parseQrPayload(u, NOW)
      } catch (e) {
        if (e instanceof QrError && e.code === error) return { uri: u, error }
        throw new Error(`${u}: wrong error`, { cause: e })
      }
      throw new Error(`${u}: accepted`)
    }),
  }
}

export function discoveryVector(): Record<string, unknown> {
  const tag = pairingTag(QR_SECRET)
  const valid = [
    encodeTxt({ versions: [1], instanceId: PHONE_ID, pairingTag: null }),
    encodeTxt({ versions: [1, 2], instanceId: PHONE_ID, pairingTag: tag }),
    { v: '1', id: PHONE_ID, extra: 'ignored' },
  ]
  const ignored: Record<string, string>[] = [
    { id: PHONE_ID },
    { v: '1' },
    { v: 'one', id: PHONE_ID },
    { v: '1', id: PHONE_ID.toUpperCase() },
    { v: '1', id: PHONE_ID.slice(1) },
    { v: '1', id: PHONE_ID, pt: 'xyz' },
    { v: '0', id: PHONE_ID },
  ]
  return {
    secret: toHex(QR_SECRET),
    pairingTag: tag,
    valid: valid.map((txt) => {
      const advert = parseTxt(txt)
      if (advert === null) throw new Error('valid TXT ignored')
      return { txt, ...advert }
    }),
    ignored: ignored.map((txt) => {
      if (parseTxt(txt) !== null) throw new Error(`TXT ${JSON.stringify(txt)} accepted`)
      return txt
    }),
  }
}
