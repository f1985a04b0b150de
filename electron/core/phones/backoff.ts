// Reconnect delays: exponential with full jitter (so many desktops do not retry in lockstep),
// capped, and reset after a connection that stayed up.
export interface BackoffOptions {
  readonly baseMs: number
  readonly capMs: number
  readonly random?: () => number
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, capMs: 60_000 }

export class Backoff {
  private attempt = 0

  constructor(private readonly options: BackoffOptions = DEFAULT_BACKOFF) {}

  get attempts(): number {
    return this.attempt
  }

  /** The delay before the next attempt, between base/2 and the exponential ceiling. */
  next(): number {
    const ceiling = Math.min(this.options.capMs, this.options.baseMs * 2 ** this.attempt)
    this.attempt++
    const random = this.options.random ?? Math.random
    return Math.round(this.options.baseMs / 2 + random() * (ceiling - this.options.baseMs / 2))
  }

  reset(): void {
    this.attempt = 0
  }
}
