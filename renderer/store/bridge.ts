// The one place core events enter the window, so state has one way in: every CoreEvent and
// every change of the link to the core is turned into store actions here, and nowhere else.
import type { CoreEvent } from '../../shared/api/events'
import type { Transport } from '../api/transport'
import type { AppStore } from './app-store'

export function connectBridge(transport: Transport, store: AppStore): () => void {
  const offLink = transport.onLinkState((link) => {
    store.getState().setLink(link)
    // On the first open and on every reopen: events may have been missed while the link was
    // down, so everything shown is read again.
    if (link.state === 'open') void reloadAll(store)
  })
  const offEvents = transport.onEvent((event) => {
    handleEvent(store, event)
  })
  return () => {
    offLink()
    offEvents()
  }
}

export async function reloadAll(store: AppStore): Promise<void> {
  const s = store.getState()
  const reloads = [s.loadInfo(), s.loadStatus(), s.loadDevices(), s.loadPairing()]
  reloads.push(s.loadConversations())
  if (s.selectedId !== null) reloads.push(s.openThread(s.selectedId, null))
  await Promise.all(reloads)
}

export function handleEvent(store: AppStore, event: CoreEvent): void {
  const s = store.getState()
  switch (event.type) {
    case 'status': {
      const before = new Set(
        (s.status?.devices ?? [])
          .filter((d) => d.connection.state === 'connected')
          .map((d) => d.deviceId),
      )
      s.setStatus(event.status)
      // A phone that has just connected said hello again: what it can send (pictures, group
      // texts, its SIMs' limits) may have changed, so the phones are read again.
      const connected = event.status.devices.some(
        (d) => d.connection.state === 'connected' && !before.has(d.deviceId),
      )
      if (connected) void s.loadDevices()
      return
    }
    case 'pairing':
      s.setPairing(event.pairing)
      if (event.pairing.step === 'paired') {
        // Keep the pairing page up to show the success step, even though the phone list is no
        // longer empty (which would otherwise swap the inbox in at once).
        s.openOverlay('pairing')
        void s.loadDevices()
        void s.loadConversations()
      }
      return
    case 'conversations':
      void s.refreshConversations(event.ids)
      return
    case 'messages':
      void s.refreshMessages(event.conversationId, event.ids)
      return
    case 'import':
      s.setImportJob(event.job)
      return
    case 'archiveDeleted':
      // What was open may be gone: start from an empty selection and read everything again.
      s.selectConversation(null)
      void reloadAll(store)
      if (s.overlay === 'settings') void s.loadDataInfo()
      return
    case 'open':
      s.openOverlay('none')
      s.selectConversation(event.conversationId)
      return
    case 'incoming': {
      const open = s.selectedId === event.conversationId && s.overlay === 'none'
      // Read on this desktop only when someone is looking at it.
      if (open && document.visibilityState === 'visible' && document.hasFocus()) {
        void s.markRead(event.conversationId)
      }
      s.announce(`New message from ${event.title}: ${event.snippet}`)
      return
    }
  }
}
