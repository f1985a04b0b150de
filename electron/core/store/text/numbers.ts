// Phone numbers: one key per participant, so "+44 7700 900123", "07700 900123" and
// "+447700900123" are one conversation and one contact (libphonenumber-js, read with the
// device's region). Short codes and alphanumeric senders keep their own keys.
import {
  getCountries,
  getCountryCallingCode,
  getExampleNumber,
  isSupportedCountry,
  parsePhoneNumberFromString,
} from 'libphonenumber-js'
import type { CountryCode } from 'libphonenumber-js'
import examples from 'libphonenumber-js/mobile/examples'
import { InvalidInputError } from '../errors'

export type Region = CountryCode

export interface NormalizedAddress {
  /** '+447700900123' (phone), '62345' (short code), 'bank' (text sender). */
  readonly key: string
  readonly kind: 'phone' | 'short' | 'text'
  /** National format for numbers of the device's region, international otherwise. */
  readonly display: string
  /** Digit forms searched when the user types a number: E.164 digits and the national number. */
  readonly digitTerms: readonly string[]
}

export function parseRegion(region: string | null): Region | null {
  if (region === null) return null
  if (!isSupportedCountry(region)) throw new InvalidInputError('bad_region', region)
  return region
}

// Calling codes are prefix-free, so the first 1-3 digits that form one are the code.
const CALLING_CODES = new Set(getCountries().map((c) => getCountryCallingCode(c)))
// Parsing costs ~0.1 ms; conversations repeat the same few thousand addresses, so cache them.
const CACHE_LIMIT = 20_000

/**
 * The digits a national number is dialled with inside `region` (e.g. '0' in GB, '06' in HU),
 * derived from the library's example number rather than hard-coded.
 */
function nationalPrefixOf(region: Region): string {
  const example = getExampleNumber(region, examples)
  if (example === undefined) return ''
  const national = example.formatNational().replace(/\D/g, '')
  const nsn = example.nationalNumber
  return national.endsWith(nsn) ? national.slice(0, national.length - nsn.length) : ''
}

/** Address normalisation and number forms for one region. Instances cache their results. */
export class NumberContext {
  private readonly cache = new Map<string, NormalizedAddress>()
  private readonly nationalPrefix: string
  private readonly callingCode: string | null

  constructor(readonly region: Region | null) {
    this.nationalPrefix = region === null ? '' : nationalPrefixOf(region)
    this.callingCode = region === null ? null : getCountryCallingCode(region)
  }

  normalize(raw: string): NormalizedAddress {
    const hit = this.cache.get(raw)
    if (hit !== undefined) return hit
    // A string cut from a bigger one (an address read out of a 64 KiB chunk of a backup file)
    // keeps all of that text alive while it is referenced; the cache would hold thousands of
    // chunks through its keys. A copy of its own holds just the address.
    const own = Buffer.from(raw, 'utf8').toString('utf8')
    const result = this.compute(own)
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear()
    this.cache.set(own, result)
    return result
  }

  /**
   * The national significant digits of a number as written ('+44 7700 900123', '07700 900123'
   * and '7700900123' all give '7700900123'), or null when there are no digits. Used for body
   * terms and for typed queries alike, so both sides agree without a full parse (which would
   * cost 0.1 ms per body during a back-fill).
   */
  localDigits(written: string): string | null {
    let digits = written.replace(/\D/g, '')
    let international = written.trimStart().startsWith('+')
    if (!international && digits.startsWith('00')) {
      international = true
      digits = digits.slice(2)
    }
    if (international) {
      for (let n = 1; n <= 3 && n <= digits.length; n++) {
        if (CALLING_CODES.has(digits.slice(0, n))) {
          digits = digits.slice(n)
          break
        }
      }
    } else if (this.nationalPrefix !== '' && digits.startsWith(this.nationalPrefix)) {
      digits = digits.slice(this.nationalPrefix.length)
    }
    return digits === '' ? null : digits
  }

  private compute(raw: string): NormalizedAddress {
    const text = raw.normalize('NFKC').trim().replace(/\s+/g, ' ')
    const digits = text.replace(/\D/g, '')
    if (/\p{L}/u.test(text) || digits === '') {
      // Alphanumeric senders ("BANK", "Bank") and e-mail addresses: compare case-insensitively.
      return { key: text.toLowerCase(), kind: 'text', display: text, digitTerms: [] }
    }
    const phone = this.parse(text)
    if (phone !== null) return phone
    return { key: digits, kind: 'short', display: text, digitTerms: [digits] }
  }

  private parse(text: string): NormalizedAddress | null {
    // '00' is the international prefix almost everywhere; libphonenumber reads it only with a
    // region, so rewrite it to '+' first.
    const written = text.startsWith('00') ? `+${text.slice(2)}` : text
    if (this.region === null && !written.startsWith('+')) return null
    const phone =
      this.region === null
        ? parsePhoneNumberFromString(written)
        : parsePhoneNumberFromString(written, this.region)
    // isPossible (length) rather than isValid (number ranges): ranges lag reality, and a
    // number the phone really texted with is a real number.
    if (phone === undefined || !phone.isPossible()) return null
    const local = phone.countryCallingCode === this.callingCode
    return {
      key: phone.number,
      kind: 'phone',
      display: local ? phone.formatNational() : phone.formatInternational(),
      digitTerms: [phone.number.slice(1), phone.nationalNumber],
    }
  }
}

/** The canonical identity of a participant set: sorted, de-duplicated keys as JSON. */
export function participantKey(addresses: readonly NormalizedAddress[]): string {
  return JSON.stringify([...new Set(addresses.map((a) => a.key))].sort())
}
