// How many SMS parts a text becomes, as the phone's SmsManager will split it (3GPP TS 23.038 for
// the alphabets, TS 23.040 §9.2.3.24.1 for the 6-octet concatenation header that leaves 153
// septets or 67 UCS-2 units per part). Pure, so the compose box can run it on every keystroke.

export type SmsEncoding = 'GSM-7' | 'UCS-2'

export interface SegmentCount {
  readonly encoding: SmsEncoding
  /** Septets for GSM-7 (extension characters count 2), UTF-16 code units for UCS-2. */
  readonly units: number
  /** Number of SMS parts; 0 for an empty text. */
  readonly parts: number
  /** Capacity of one part at this length: 160/70 while it fits in one, else 153/67. */
  readonly perPart: number
  /** Units still free in the last part before another part is needed. */
  readonly remaining: number
  /** Characters that forced UCS-2 (at most a few, to tell the user why). */
  readonly nonGsm: readonly string[]
}

// GSM 03.38 default alphabet (ESC 0x1B excluded: it only introduces the extension table).
const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà'
// Extension table: each costs ESC plus the character, two septets.
const EXTENSION = '\f^{}\\[~]|€'

const basicSet = new Set(BASIC)
const extensionSet = new Set(EXTENSION)

export const GSM_SINGLE = 160
export const GSM_MULTI = 153
export const UCS2_SINGLE = 70
export const UCS2_MULTI = 67

/** Septets a character takes in GSM-7, or null when it is not in the default alphabet. */
export function gsmSeptets(char: string): 1 | 2 | null {
  if (basicSet.has(char)) return 1
  if (extensionSet.has(char)) return 2
  return null
}

export function countSegments(text: string): SegmentCount {
  const gsm = gsmWidths(text)
  if (gsm.nonGsm.length === 0) return pack('GSM-7', gsm.widths, GSM_SINGLE, GSM_MULTI, [])
  return pack('UCS-2', utf16Widths(text), UCS2_SINGLE, UCS2_MULTI, gsm.nonGsm)
}

function gsmWidths(text: string): { widths: number[]; nonGsm: string[] } {
  const widths: number[] = []
  const nonGsm: string[] = []
  // for..of walks code points, so an emoji is one (non-GSM) character, never two halves.
  for (const char of text) {
    const septets = gsmSeptets(char)
    if (septets === null) {
      if (nonGsm.length < 5 && !nonGsm.includes(char)) nonGsm.push(char)
    } else {
      widths.push(septets)
    }
  }
  return { widths, nonGsm }
}

function utf16Widths(text: string): number[] {
  const widths: number[] = []
  for (const char of text) widths.push(char.length)
  return widths
}

/**
 * Packs characters into parts greedily. A GSM-7 escape pair or a UTF-16 surrogate pair is never
 * split across two parts (phones move it whole to the next part), so a long text can need one
 * more part than a plain division says.
 */
function pack(
  encoding: SmsEncoding,
  widths: readonly number[],
  single: number,
  multi: number,
  nonGsm: readonly string[],
): SegmentCount {
  const units = widths.reduce((sum, w) => sum + w, 0)
  if (units === 0) return { encoding, units, parts: 0, perPart: single, remaining: single, nonGsm }
  if (units <= single) {
    return { encoding, units, parts: 1, perPart: single, remaining: single - units, nonGsm }
  }
  let parts = 1
  let used = 0
  for (const w of widths) {
    if (used + w > multi) {
      parts++
      used = 0
    }
    used += w
  }
  return { encoding, units, parts, perPart: multi, remaining: multi - used, nonGsm }
}
