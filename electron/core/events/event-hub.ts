// Fans core events out to the hosts (IPC, web bridge, notifications).
import type { CoreEvent } from '../../../shared/api/events'

export class EventHub {
  private readonly listeners = new Set<(event: CoreEvent) => void>()

  on(listener: (event: CoreEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  emit(event: CoreEvent): void {
    for (const listener of this.listeners) listener(event)
  }
}
