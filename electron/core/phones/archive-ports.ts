// The sync engine's and dispatcher's ports, implemented on the SQLite archive.
import type { BodyOf } from '../../../shared/protocol'
import type { Archive } from '../store'
import type { ConversationId } from '../../../shared/model/ids'
import type { ApplyResult, OutboxArchive, SyncArchive } from '../sync/ports'
import type { Settings } from '../settings'

export function syncArchive(archive: Archive, settings: Settings): SyncArchive {
  return {
    state: (deviceId) => archive.sync.state(deviceId),
    updateDevice: (deviceId, hello: BodyOf<'hello'>) => {
      archive.devices.updateInfo(deviceId, {
        // A name the user chose on this desktop wins over the phone's own.
        name: settings.nameFor(deviceId) ?? hello.device.name,
        model: hello.device.model ?? null,
        sims: hello.sims ?? [],
      })
    },
    applyChanges: (deviceId, page) => archive.sync.applyChanges(deviceId, page),
    applyPush: (deviceId, push) => archive.sync.applyPush(deviceId, push),
    applyRecent: (deviceId, batch) => archive.sync.applyRecent(deviceId, batch),
    applyHistory: (deviceId, batch) => archive.sync.applyHistory(deviceId, batch),
    replaceContacts: (deviceId, contacts) =>
      touched(archive.contacts.replaceAll(deviceId, contacts).retitled),
  }
}

/** A write that only changed how some conversations look (titles, delivery states). */
function touched(conversations: readonly ConversationId[]): ApplyResult {
  return {
    inserted: 0,
    updated: 0,
    unchanged: 0,
    merged: 0,
    deleted: 0,
    ignoredDrafts: 0,
    newIncoming: [],
    conversations,
    removedConversations: [],
    indexRebuilt: false,
  }
}

export function outboxArchive(archive: Archive): OutboxArchive {
  return {
    pending: (deviceId) => archive.outbox.list(deviceId, ['queued']),
    markDispatching: (id) => {
      archive.outbox.markDispatching(id)
    },
    requeueInFlight: (deviceId) => {
      const inFlight = archive.outbox.list(deviceId, ['dispatching'])
      for (const entry of inFlight) archive.outbox.requeue(entry.id)
      return inFlight.length
    },
    applyStatus: (deviceId, status) => {
      const { entry, changed } = archive.outbox.applyStatus(deviceId, status)
      if (entry === null) return null
      return touched(changed ? [entry.conversationId] : [])
    },
  }
}
