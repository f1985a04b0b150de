// The one place a committed archive change becomes window events: the sync engine and the
// outbox dispatcher hand each change here directly, and it carries everything the window
// needs (conversation ids, and for new texts their title and snippet), so nothing is read back.
import type { ChangeSink, ApplyResult } from '../sync/ports'
import type { EventHub } from './event-hub'

export class ChangeEvents implements ChangeSink {
  constructor(
    private readonly events: EventHub,
    /** Counts shown in the status (queued, failed texts) may have moved too. */
    private readonly statusChanged: () => void,
  ) {}

  applied(deviceId: string, change: ApplyResult): void {
    const changed = [...change.conversations, ...change.removedConversations]
    if (changed.length > 0 || change.indexRebuilt) {
      this.events.emit({
        type: 'conversations',
        deviceId,
        // A removed conversation leaves a hole in the list: reload it instead of patching rows.
        ids: change.removedConversations.length > 0 ? null : changed,
      })
    }
    for (const conversationId of change.conversations) {
      this.events.emit({ type: 'messages', conversationId, ids: [] })
    }
    for (const text of change.incoming) this.events.emit({ type: 'incoming', ...text })
    this.statusChanged()
  }
}
