// Phone numbers for synthetic histories. Every number comes from a range the regulator keeps
// for drama and examples, so nothing a demo does can reach a real person:
//   UK mobiles  07700 900000–900999 (Ofcom), UK landlines 020 7946 0xxx, 0161 496 0xxx, …
//   US/NANP     NPA 555-0100–0199 in every area code (NANPA reserves these for fiction).
// Numbers are then written the many ways phones store them (E.164, national, spaces, dashes,
// parentheses, 00/011 prefixes), because the desktop has to recognise one person behind them.
import type { Rng } from './random'

export type Region = 'GB' | 'US'

export interface PhoneNumber {
  readonly country: Region
  /** National significant number split the way it is written, without the trunk prefix. */
  readonly groups: readonly string[]
}

export type NumberStyle =
  | 'e164' //             +447700900123         +12125550123
  | 'intl' //             +44 7700 900123       +1 212-555-0123
  | 'intlParens' //       +44 (0)7700 900123    +1 (212) 555-0123
  | 'idd' //              0044 7700 900123      011 44 7700 900123 (dialled from the US)
  | 'national' //         07700 900123          (212) 555-0123
  | 'nationalCompact' //  07700900123           2125550123
  | 'nationalDashed' //   07700-900-123         212-555-0123

const COUNTRY_CODE: Record<Region, string> = { GB: '44', US: '1' }

export function e164(n: PhoneNumber): string {
  return '+' + COUNTRY_CODE[n.country] + n.groups.join('')
}

/** The number as a phone in `home` would store it in the given style. */
export function formatNumber(n: PhoneNumber, style: NumberStyle, home: Region): string {
  const g = n.groups
  const us = n.country === 'US'
  const cc = COUNTRY_CODE[n.country]
  // National forms only make sense for numbers of the phone's own country; a foreign number
  // written nationally would be a different (or invalid) number there.
  const local = n.country === home
  switch (style) {
    case 'e164':
      return e164(n)
    case 'intl':
      return us ? `+1 ${g.join('-')}` : `+44 ${g.join(' ')}`
    case 'intlParens':
      return us ? `+1 (${g[0] ?? ''}) ${g.slice(1).join('-')}` : `+44 (0)${g.join(' ')}`
    case 'idd':
      if (local) return formatNumber(n, 'intl', home)
      return (home === 'US' ? `011 ${cc} ` : `00${cc} `) + g.join(' ')
    case 'national':
      if (!local) return formatNumber(n, 'intl', home)
      return us ? `(${g[0] ?? ''}) ${g.slice(1).join('-')}` : `0${g.join(' ')}`
    case 'nationalCompact':
      if (!local) return e164(n)
      return (us ? '' : '0') + g.join('')
    case 'nationalDashed':
      if (!local) return formatNumber(n, 'intl', home)
      return (us ? '' : '0') + g.join('-')
  }
}

/** How an address book entry was typed in (weights), for contacts and outgoing texts. */
export const BOOK_STYLES: readonly NumberStyle[] = [
  'e164',
  'intl',
  'national',
  'nationalCompact',
  'intlParens',
  'nationalDashed',
  'idd',
]
export const BOOK_STYLE_WEIGHTS: readonly number[] = [25, 22, 30, 9, 6, 6, 2]

// Every NANP area code shape (NXX, no N11, no N9X): 555-01xx is fictional in all of them, which
// gives 71,200 numbers, enough for the largest histories without a second country's plan.
const US_AREA_CODES: readonly string[] = (() => {
  const codes: string[] = []
  for (let a = 2; a <= 9; a++)
    for (let b = 0; b <= 8; b++)
      for (let c = 0; c <= 9; c++) if (!(b === 1 && c === 1)) codes.push(`${a}${b}${c}`)
  return codes
})()
const US_NUMBERS = US_AREA_CODES.length * 100

/** UK landline drama ranges: [area code, exchange, first digit of the line]. */
const UK_LANDLINES: readonly (readonly [string, string, string])[] = [
  ['20', '7946', '0'],
  ['161', '496', '0'],
  ['131', '496', '0'],
  ['113', '496', '0'],
  ['117', '496', '0'],
  ['121', '496', '0'],
  ['141', '496', '0'],
  ['151', '496', '0'],
]

const pad = (n: number, width: number): string => String(n).padStart(width, '0')

/**
 * Hands out unique fictional numbers. UK mobiles are scarce (990 after the SIMs' own), so once
 * most are used, new people get US numbers.
 */
export class NumberPool {
  private readonly used = new Set<string>()
  private ukMobilesLeft = 990
  private usUsed = 0

  constructor(
    private readonly rng: Rng,
    readonly home: Region,
  ) {}

  /** The phone's own SIM numbers: reserved ends of the range, never given to anyone else. */
  own(index: number): PhoneNumber {
    const n: PhoneNumber =
      this.home === 'GB'
        ? { country: 'GB', groups: ['7700', `90000${index + 1}`] }
        : { country: 'US', groups: ['212', '555', `010${index + 1}`] }
    this.used.add(e164(n))
    return n
  }

  /** Fresh mobiles still available. */
  get capacity(): number {
    return Math.max(0, this.ukMobilesLeft - 40) + US_NUMBERS - this.usUsed
  }

  mobile(): PhoneNumber {
    const wantUk = this.home === 'GB' ? this.rng.chance(0.8) : this.rng.chance(0.15)
    if (wantUk && this.ukMobilesLeft > 40) {
      for (;;) {
        const n: PhoneNumber = {
          country: 'GB',
          groups: ['7700', `900${pad(this.rng.between(10, 999), 3)}`],
        }
        if (this.claim(n)) {
          this.ukMobilesLeft--
          return n
        }
      }
    }
    return this.us()
  }

  landline(country: Region): PhoneNumber {
    if (country === 'US') return this.us()
    for (let attempt = 0; attempt < 64; attempt++) {
      const [area, exchange, first] = this.rng.pick(UK_LANDLINES)
      const n: PhoneNumber = {
        country: 'GB',
        groups: [area, exchange, first + pad(this.rng.int(1000), 3)],
      }
      if (this.claim(n)) return n
    }
    return this.us()
  }

  private us(): PhoneNumber {
    if (this.usUsed >= US_NUMBERS) throw new RangeError('out of fictional numbers')
    for (;;) {
      const n: PhoneNumber = {
        country: 'US',
        groups: [this.rng.pick(US_AREA_CODES), '555', `01${pad(this.rng.int(100), 2)}`],
      }
      if (this.claim(n)) {
        this.usUsed++
        return n
      }
    }
  }

  private claim(n: PhoneNumber): boolean {
    const key = e164(n)
    if (this.used.has(key)) return false
    this.used.add(key)
    return true
  }
}
