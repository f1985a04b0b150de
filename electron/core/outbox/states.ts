// The outbox state machine (PROTOCOL.md §9.9), explicit so a state can only move forward and a
// late or repeated status from the phone can never undo a newer one.
import type { SendState } from '../../../shared/protocol/messages/catalogue'
import type { OutboxState } from '../../../shared/model/outbox'

const RANK: Record<OutboxState, number> = {
  queued: 0,
  dispatching: 1,
  waiting: 2,
  sent: 3,
  delivered: 4,
  failed: 5,
  unknown: 5,
}

/**
 * The state after the phone reports `reported` for an entry in `current`, or null when the
 * report changes nothing. Forward only: sent → delivered applies, delivered → sent is ignored.
 * `failed` is final. A desktop `unknown` (set by crash recovery because the desktop could not
 * tell) yields to what the phone knows about the same key: the phone is the authority on whether
 * it sent, and learning that never causes a send.
 */
export function afterReport(current: OutboxState, reported: SendState): OutboxState | null {
  if (current === 'failed' || current === 'delivered') return null
  switch (reported) {
    case 'accepted':
      // Recorded by the phone, not yet on the radio: nothing new to show beyond dispatching.
      return current === 'queued' ? 'dispatching' : null
    case 'waiting_for_user':
      // The phone holds it and asks its user; a desktop that lost track learns it is there.
      return RANK[current] < RANK.waiting || current === 'unknown' ? 'waiting' : null
    case 'sent':
    case 'delivered':
      return RANK[reported] > RANK[current] || current === 'unknown' ? reported : null
    case 'failed':
      // A delivery report can still fail a text that was sent, and a declined wait fails it.
      return 'failed'
    case 'unknown':
      return current === 'queued' || current === 'dispatching' || current === 'waiting'
        ? 'unknown'
        : null
  }
}

/** The state implied by a phone record of a desktop-written text, if it is further along. */
export function afterRecord(current: OutboxState, box: string, status: string): OutboxState | null {
  if (box !== 'sent') return null
  return afterReport(current, status === 'complete' ? 'delivered' : 'sent')
}
