// Small statistics and timing helpers shared by every benchmark.
import { loadavg } from 'node:os'

export interface Summary {
  readonly n: number
  readonly p50: number
  readonly p95: number
  readonly max: number
  readonly mean: number
}

/** Nearest-rank percentile of samples (sorted here, not in place). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)))
  return sorted[rank - 1] ?? Number.NaN
}

export function summarize(samples: readonly number[]): Summary {
  const n = samples.length
  return {
    n,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    max: n === 0 ? Number.NaN : Math.max(...samples),
    mean: n === 0 ? Number.NaN : samples.reduce((s, x) => s + x, 0) / n,
  }
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50)
}

/** Milliseconds from a monotonic clock. */
export const now = (): number => performance.now()

/** Runs `fn` and returns how long it took in milliseconds, with its value. */
export function timed<T>(fn: () => T): { ms: number; value: T } {
  const start = now()
  const value = fn()
  return { ms: now() - start, value }
}

export async function timedAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = now()
  const value = await fn()
  return { ms: now() - start, value }
}

export function load(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** Progress lines go to stderr, so stdout holds only the table. */
export function log(text: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)} load ${load()}] ${text}\n`)
}
