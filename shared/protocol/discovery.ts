// mDNS TXT records and the pairing tag (PROTOCOL.md §3). A TXT record is a hint from an
// unauthenticated network: anything malformed is ignored as a whole.
import { toHex, utf8 } from '../bytes'
import { hmac } from '../crypto/primitives'
import { PAIRING_TAG_LABEL } from './constants'

export interface PhoneAdvert {
  readonly versions: readonly number[]
  readonly instanceId: string
  readonly pairingTag: string | null
}

export function pairingTag(secret: Uint8Array): string {
  return toHex(hmac(secret, utf8(PAIRING_TAG_LABEL)).slice(0, 8))
}

export function encodeTxt(advert: PhoneAdvert): Record<string, string> {
  const txt: Record<string, string> = {
    v: advert.versions.join(','),
    id: advert.instanceId,
  }
  if (advert.pairingTag !== null) txt.pt = advert.pairingTag
  return txt
}

/** Returns null for any record that does not follow §3 exactly. */
export function parseTxt(txt: Readonly<Record<string, unknown>>): PhoneAdvert | null {
  const v = txt.v
  const id = txt.id
  const pt = txt.pt
  if (typeof v !== 'string' || !/^[1-9][0-9]{0,2}(,[1-9][0-9]{0,2}){0,15}$/.test(v)) return null
  if (typeof id !== 'string' || !/^[0-9a-f]{32}$/.test(id)) return null
  if (pt !== undefined && (typeof pt !== 'string' || !/^[0-9a-f]{16}$/.test(pt))) return null
  return {
    versions: v.split(',').map(Number),
    instanceId: id,
    pairingTag: typeof pt === 'string' ? pt : null,
  }
}

/** The instance name carries no personal data: a fixed prefix and part of the random id. */
export function instanceName(instanceId: string): string {
  return `Textbridge-${instanceId.slice(0, 8)}`
}
