import { describe, expect, it } from 'vitest'
import { Rng } from './random'

describe('Rng', () => {
  it('is sfc32: the same seed and label give the same sequence, pinned here', () => {
    const a = Rng.stream(7, 'x')
    const b = Rng.stream(7, 'x')
    const first = Array.from({ length: 5 }, () => a.next())
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first)
    // Pinned so a change to the algorithm or seeding (which would change every history) is
    // a deliberate decision, not an accident.
    expect(first).toMatchInlineSnapshot(`
      [
        3457040819,
        2075193915,
        1953765312,
        3019621254,
        649956730,
      ]
    `)
  })

  it('gives independent streams per label and per seed', () => {
    const seq = (seed: number, label: string): number[] => {
      const r = Rng.stream(seed, label)
      return Array.from({ length: 4 }, () => r.next())
    }
    expect(seq(7, 'plan')).not.toEqual(seq(7, 'timeline'))
    expect(seq(7, 'plan')).not.toEqual(seq(8, 'plan'))
    expect(seq(-1, 'plan')).toEqual(seq(0xffffffff, 'plan'))
  })

  it('keeps draws in range and roughly uniform', () => {
    const r = Rng.stream(1, 'uniform')
    const buckets = new Array<number>(10).fill(0)
    let outside = 0
    for (let i = 0; i < 100_000; i++) {
      const f = r.float()
      if (!(f >= 0 && f < 1)) outside++
      const k = r.int(10)
      buckets[k] = (buckets[k] ?? 0) + 1
    }
    for (const b of buckets) expect(Math.abs(b - 10_000)).toBeLessThan(500)
    const big = 3e11
    for (let i = 0; i < 1000; i++) {
      const n = r.int(big)
      if (!(Number.isInteger(n) && n >= 0 && n < big)) outside++
      const m = r.between(3, 5)
      if (m < 3 || m > 5) outside++
    }
    expect(outside).toBe(0)
  })

  it('weighted() follows the weights and shuffle() permutes', () => {
    const r = Rng.stream(2, 'w')
    const counts = [0, 0, 0]
    for (let i = 0; i < 30_000; i++) counts[r.weighted([1, 0, 2])]!++
    expect(counts[1]).toBe(0)
    expect(counts[2]! / counts[0]!).toBeGreaterThan(1.8)
    expect(counts[2]! / counts[0]!).toBeLessThan(2.2)
    expect(r.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5])
  })
})
