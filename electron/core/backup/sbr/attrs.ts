// One element's attributes with strict accessors. The file is hostile input: numbers must be
// plain decimal integers, flags exactly 0 or 1, base64 exactly base64. A value that breaks
// those rules is damage (DamageAt); a value that is fine but unusable is Unusable (skipped).
import { DamageAt } from './errors'
import { decodeReferences } from './text'

/** A well-formed message this model has no place for: skipped and counted, not an error. */
export class Unusable extends Error {}

const INTEGER = /^-?\d{1,16}$/
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/
const WHITESPACE = /\s/
const WHITESPACE_ALL = /\s+/g

export class Attrs {
  constructor(
    readonly element: string,
    private readonly raw: ReadonlyMap<string, string>,
    /** Where the element starts, for damage reports. */
    readonly offset: number,
  ) {}

  private damage(name: string, why: string): never {
    throw new DamageAt('malformed', `<${this.element}> ${name}: ${why}`, this.offset)
  }

  /** The decoded value; null when absent or the app's "null". */
  text(name: string): string | null {
    const raw = this.raw.get(name)
    if (raw === undefined || raw === 'null') return null
    return decodeReferences(raw)
  }

  integer(name: string): number | null {
    const raw = this.raw.get(name)
    if (raw === undefined || raw === 'null') return null
    const n = INTEGER.test(raw) ? Number(raw) : Number.NaN
    if (!Number.isSafeInteger(n)) this.damage(name, `"${raw.slice(0, 40)}" is not an integer`)
    return n
  }

  /** A time (≥ 0) or null when absent. */
  time(name: string): number | null {
    const n = this.integer(name)
    if (n !== null && n < 0) this.damage(name, 'a negative time')
    return n
  }

  flag(name: string, absent: boolean): boolean {
    const n = this.integer(name)
    if (n === null) return absent
    if (n !== 0 && n !== 1) this.damage(name, `${n} is neither 0 nor 1`)
    return n === 1
  }

  /** The decoded bytes of a base64 value; null when absent. */
  base64(name: string): Uint8Array | null {
    let value = this.text(name)
    if (value === null) return null
    if (WHITESPACE.test(value)) value = value.replace(WHITESPACE_ALL, '')
    if (!BASE64.test(value) || value.length % 4 === 1) this.damage(name, 'not base64')
    const bytes = Buffer.from(value, 'base64')
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length)
  }
}

/** Times the app writes in seconds (MMS date_sent, as Android stores it) or in ms (MMS date,
 * which the app converts; some other tools write seconds there too). No SMS-era time in ms is
 * below 10^11 (March 1973) and no time in seconds reaches it before the year 5138. */
export function secondsOrMs(value: number | null): number | null {
  if (value === null) return null
  return value < 1e11 ? value * 1000 : value
}
