// Seeded randomness for the history generator. The output must be byte-identical on every
// machine and Node version, so everything here is 32-bit integer arithmetic (Math.imul, >>>)
// plus IEEE division; no Math.random, and callers avoid Math.log/exp/pow, whose last bits are
// not specified by ECMAScript and have differed between engines.

/** FNV-1a over UTF-16 code units: turns a stream label into a 32-bit salt. */
function hashLabel(label: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** splitmix32: spreads a seed into well-mixed state words for sfc32. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0
  let z = state.s
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
  return (z ^ (z >>> 16)) >>> 0
}

const TWO_32 = 4_294_967_296
const TWO_53 = 9_007_199_254_740_992

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state, from PractRand).
 * Independent streams come from `Rng.stream(seed, label)`, so adding draws to one phase of the
 * generator does not shift the output of another.
 */
export class Rng {
  private a: number
  private b: number
  private c: number
  private d: number

  private constructor(seed: number, salt: number) {
    const st = { s: (seed ^ Math.imul(salt, 0x27d4eb2f)) | 0 }
    this.a = splitmix32(st)
    this.b = splitmix32(st)
    this.c = splitmix32(st) ^ salt
    this.d = 1
    for (let i = 0; i < 16; i++) this.next()
  }

  static stream(seed: number, label: string): Rng {
    return new Rng(seed >>> 0, hashLabel(label))
  }

  /** Uniform 32-bit unsigned integer. */
  next(): number {
    let t = (this.a + this.b) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.d = (this.d + 1) | 0
    t = (t + this.d) | 0
    this.c = (this.c + t) | 0
    return t >>> 0
  }

  /** Uniform in [0, 1) with 32 bits of resolution. */
  float(): number {
    return this.next() / TWO_32
  }

  /** Uniform in [0, 1) with 53 bits, for spans of milliseconds over years. */
  float53(): number {
    const hi = this.next() >>> 5
    const lo = this.next() >>> 6
    return (hi * 67_108_864 + lo) / TWO_53
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor((n > TWO_32 ? this.float53() : this.float()) * n)
  }

  /** Integer in [lo, hi], both inclusive. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1)
  }

  chance(p: number): boolean {
    return this.float() < p
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)]
    if (item === undefined) throw new RangeError('pick from an empty list')
    return item
  }

  /** Index chosen with probability proportional to `weights[i]`. */
  weighted(weights: readonly number[]): number {
    let total = 0
    for (const w of weights) total += w
    let x = this.float() * total
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i] ?? 0
      if (x < 0) return i
    }
    return weights.length - 1
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1)
      const t = items[i] as T
      items[i] = items[j] as T
      items[j] = t
    }
    return items
  }

  /**
   * Heavy-tailed positive number with median about `median` (a Pareto-like 1/(1-u) - 1 shape,
   * rational arithmetic only), capped at `max`. Good for gaps between messages.
   */
  tail(median: number, max: number): number {
    const u = this.float() * 0.999
    return Math.min(max, median * (u / (1 - u)))
  }
}
