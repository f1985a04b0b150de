// Streaming UTF-8 → text that can say exactly where the first bad byte is. The fast path is the
// platform's fatal TextDecoder; only when it refuses a chunk do we walk the bytes ourselves to
// find the offending one, and hand back the text before it so nothing valid is lost.

/** The first bad byte of a chunk, and the good text that came before it. */
export class BadBytes extends Error {
  constructor(
    /** Offset of the first bad byte in the whole stream. */
    readonly byteOffset: number,
    /** Text decoded from the valid bytes before it, not yet returned by decode(). */
    readonly before: string,
    readonly what: string,
  ) {
    super(what)
  }
}

const isContinuation = (b: number | undefined): boolean => b !== undefined && (b & 0xc0) === 0x80

/** Length of the sequence a lead byte starts, and the allowed range of its second byte. */
function lead(b: number): { length: number; low: number; high: number } | null {
  if (b < 0x80) return { length: 1, low: 0, high: 0 }
  if (b >= 0xc2 && b <= 0xdf) return { length: 2, low: 0x80, high: 0xbf }
  if (b === 0xe0) return { length: 3, low: 0xa0, high: 0xbf } // no overlong forms
  if (b === 0xed) return { length: 3, low: 0x80, high: 0x9f } // no surrogates
  if (b >= 0xe1 && b <= 0xef) return { length: 3, low: 0x80, high: 0xbf }
  if (b === 0xf0) return { length: 4, low: 0x90, high: 0xbf }
  if (b >= 0xf1 && b <= 0xf3) return { length: 4, low: 0x80, high: 0xbf }
  if (b === 0xf4) return { length: 4, low: 0x80, high: 0x8f } // nothing above U+10FFFF
  return null
}

/**
 * Index of the first byte that does not belong to a valid sequence, or -1. A sequence cut by
 * the end of `bytes` counts as bad only when `final` (otherwise the next chunk may finish it).
 */
export function firstBadByte(bytes: Uint8Array, final: boolean): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i] ?? 0
    if (b === 0) return i // NUL: never in a backup, the usual filler of a cut-off copy
    const seq = lead(b)
    if (seq === null) return i
    if (seq.length > 1) {
      const second = bytes[i + 1]
      if (second === undefined) return final ? i : -1
      if (second < seq.low || second > seq.high) return i + 1
      for (let k = 2; k < seq.length; k++) {
        if (i + k >= bytes.length) return final ? i : -1
        if (!isContinuation(bytes[i + k])) return i + k
      }
    }
    i += seq.length
  }
  return -1
}

function lastThree(carry: Uint8Array, chunk: Uint8Array): Uint8Array {
  if (chunk.length >= 3) return chunk.slice(chunk.length - 3)
  const joined = new Uint8Array(carry.length + chunk.length)
  joined.set(carry)
  joined.set(chunk, carry.length)
  return joined.slice(Math.max(0, joined.length - 3))
}

export class Utf8Stream {
  private decoder = new TextDecoder('utf-8', { fatal: true })
  /** The last (at most 3) bytes given, in case a refused chunk continues a sequence in them. */
  private carry: Uint8Array = new Uint8Array(0)
  private consumed = 0

  /** Bytes given so far. */
  get bytes(): number {
    return this.consumed
  }

  /** Decodes the next chunk; throws BadBytes at the first byte that is not UTF-8 (or is NUL). */
  decode(chunk: Uint8Array): string {
    const start = this.consumed
    this.consumed += chunk.length
    if (chunk.includes(0)) return this.refuse(chunk, start, false)
    try {
      const text = this.decoder.decode(chunk, { stream: true })
      this.carry = lastThree(this.carry, chunk)
      return text
    } catch {
      return this.refuse(chunk, start, false)
    }
  }

  /** Ends the stream; throws BadBytes if it stops inside a sequence. */
  end(): string {
    try {
      return this.decoder.decode()
    } catch {
      return this.refuse(new Uint8Array(0), this.consumed, true)
    }
  }

  private refuse(chunk: Uint8Array, start: number, final: boolean): never {
    // The previous chunks decoded, so any sequence still open began in the carried bytes:
    // find the earliest carried byte that starts a sequence which runs into this chunk.
    const joined = new Uint8Array(this.carry.length + chunk.length)
    joined.set(this.carry)
    joined.set(chunk, this.carry.length)
    let from = this.carry.length
    for (let k = 0; k < this.carry.length; k++) {
      const seq = lead(this.carry[k] ?? 0)
      if (seq !== null && seq.length > this.carry.length - k) {
        from = k
        break
      }
    }
    const window = joined.subarray(from)
    const bad = Math.max(0, firstBadByte(window, true))
    const valid = window.subarray(0, bad)
    // The carried bytes before `from` were returned already; what lies between is new text.
    const before = new TextDecoder('utf-8', { ignoreBOM: start > 0 || from > 0 }).decode(valid)
    const offset = start - (this.carry.length - from) + bad
    const what = final
      ? 'the file ends inside a UTF-8 sequence'
      : window[bad] === 0
        ? 'a NUL byte (a cut-off copy is often padded with zeros)'
        : `byte 0x${(window[bad] ?? 0).toString(16).padStart(2, '0')} is not UTF-8`
    throw new BadBytes(offset, before, what)
  }
}
