// Memory figures of the process itself, for the probes that report their own (in MiB).
import { readFileSync } from 'node:fs'

const MIB = 2 ** 20

/** This process's peak resident set (VmHWM), or null off Linux. */
export function peakRss(): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))
    return m?.[1] === undefined ? null : (Number(m[1]) * 1024) / MIB
  } catch {
    return null
  }
}

export interface MemoryNow {
  readonly rss: number
  readonly heapUsed: number
  readonly external: number
  readonly arrayBuffers: number
}

export function memoryNow(): MemoryNow {
  const m = process.memoryUsage()
  return {
    rss: m.rss / MIB,
    heapUsed: m.heapUsed / MIB,
    external: m.external / MIB,
    arrayBuffers: m.arrayBuffers / MIB,
  }
}

/** The largest of each figure over the samples taken. */
export class MemoryPeaks {
  private max: MemoryNow = { rss: 0, heapUsed: 0, external: 0, arrayBuffers: 0 }

  sample(): void {
    const m = memoryNow()
    this.max = {
      rss: Math.max(this.max.rss, m.rss),
      heapUsed: Math.max(this.max.heapUsed, m.heapUsed),
      external: Math.max(this.max.external, m.external),
      arrayBuffers: Math.max(this.max.arrayBuffers, m.arrayBuffers),
    }
  }

  get peaks(): MemoryNow {
    return this.max
  }
}
