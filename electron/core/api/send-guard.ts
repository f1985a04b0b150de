// Keeps sending person-to-person, so carriers never see the phone as a bulk sender: every text is one
// person's action in one conversation, paced like a human, and a text to a number with no
// conversation yet is confirmed by the host (a native dialog in Electron), not only the renderer.
import { ApiError } from '../../../shared/api/result'

export interface SendGuardOptions {
  /** Most texts in any rolling minute, across all conversations. */
  readonly perMinute: number
  readonly now: () => number
  /** Asks the user, outside the renderer, to confirm a first text to new recipients. */
  readonly confirmNewRecipients:
    ((addresses: readonly string[], phone: string) => Promise<boolean>) | null
}

export const DEFAULT_SENDS_PER_MINUTE = 20

export class SendGuard {
  private readonly recent: number[] = []

  constructor(private readonly options: SendGuardOptions) {}

  async check(target: {
    readonly existingConversation: boolean
    readonly addresses: readonly string[]
    readonly phone: string
  }): Promise<void> {
    const now = this.options.now()
    while (this.recent.length > 0 && (this.recent[0] ?? 0) <= now - 60_000) this.recent.shift()
    if (this.recent.length >= this.options.perMinute) {
      throw new ApiError(
        'rate_limited',
        'Slow down: Textbridge sends texts one person at a time, like a phone.',
      )
    }
    if (!target.existingConversation && this.options.confirmNewRecipients !== null) {
      const yes = await this.options.confirmNewRecipients(target.addresses, target.phone)
      if (!yes) throw new ApiError('cancelled', 'Not sent.')
    }
    this.recent.push(now)
  }
}
