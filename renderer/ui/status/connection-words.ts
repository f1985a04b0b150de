// A phone's connection state in words, short enough for the sidebar.
import type { ConnectionState } from '../../../shared/api/status'
import { formatCount, syncPhaseText } from '../../lib/words'

export type Tone = 'ok' | 'busy' | 'warn' | 'bad'

export function connectionTone(c: ConnectionState): Tone {
  switch (c.state) {
    case 'connected':
      return 'ok'
    case 'connecting':
    case 'syncing':
      return 'busy'
    case 'reconnecting':
      return 'warn'
    case 'unreachable':
    case 'unpaired':
      return 'bad'
  }
}

/** The state without numbers that tick: what the live region announces. */
export function connectionWord(c: ConnectionState): string {
  switch (c.state) {
    case 'connected':
      return 'Connected'
    case 'connecting':
      return 'Connecting…'
    case 'syncing':
      return syncPhaseText(c.progress.phase)
    case 'reconnecting':
      return 'Reconnecting'
    case 'unreachable':
      return 'Can’t reach the phone'
    case 'unpaired':
      return c.byPhone ? 'Unpaired on the phone' : 'Unpaired'
  }
}

/** The full line, with progress and countdowns. */
export function connectionDetail(c: ConnectionState, now: number): string {
  switch (c.state) {
    case 'syncing': {
      const { done, total } = c.progress
      return total === null
        ? `${syncPhaseText(c.progress.phase)}: ${formatCount(done)}`
        : `${syncPhaseText(c.progress.phase)}: ${formatCount(done)} of ${formatCount(total)}`
    }
    case 'reconnecting':
      return `Reconnecting ${countdown(c.nextAttemptAt, now)}`
    case 'unreachable':
      return `Can’t reach the phone · next try ${countdown(c.nextAttemptAt, now)}`
    default:
      return connectionWord(c)
  }
}

function countdown(at: number, now: number): string {
  const seconds = Math.ceil((at - now) / 1000)
  if (seconds <= 0) return 'now'
  if (seconds < 90) return `in ${seconds} s`
  return `in ${Math.round(seconds / 60)} min`
}
