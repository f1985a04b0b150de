// An in-memory desktop core behind the Transport interface, for store and component tests only.
// It pages like the real archive (newest first for conversations, oldest first for messages,
// opaque cursors) so the UI's paging and merging are exercised, and lets a test override any
// method, hold replies back, and push core events.
import type { AppInfo, MethodName } from '../../shared/api/contract'
import type { CoreEvent } from '../../shared/api/events'
import type { DataInfo } from '../../shared/api/data'
import type { PairingView } from '../../shared/api/pairing'
import type { Result } from '../../shared/api/result'
import type { Status } from '../../shared/api/status'
import type {
  ArchivedMessage,
  Conversation,
  ConversationId,
  Device,
  Page,
  SearchPage,
} from '../../shared/model'
import { decodeCursor, encodeCursor } from '../../shared/model/cursor'
import type { LinkState, Transport } from '../api/transport'
import { FakeError, FakeFiles } from './fake-files'

export { FakeError }
import { makeDevice, makeStatus } from './fixtures'

type Handler = (args: Record<string, unknown>) => unknown

export class FakeCore {
  info: AppInfo = {
    version: '0.1.0',
    host: 'web',
    demo: false,
    keyProtection: 'os-keychain',
    keyWarning: null,
  }
  status: Status = makeStatus()
  devices: Device[] = [makeDevice()]
  pairing: PairingView = { step: 'idle' }
  conversations: Conversation[] = []
  messages = new Map<ConversationId, ArchivedMessage[]>()
  /** Contact photos by `${deviceId}/${contactId}`. */
  photos = new Map<string, { mime: string; data: string }>()
  /** Staged files and MMS parts (compose.* and attachments.*). */
  readonly files = new FakeFiles()
  /** MMS parts by `${messageId}/${partId}`, for attachments.get. */
  get parts(): Map<string, { mime: string; data: string }> {
    return this.files.parts
  }
  search: (args: Record<string, unknown>) => SearchPage = () => emptySearch
  readonly calls: { method: MethodName; args: Record<string, unknown> }[] = []
  readonly overrides: Partial<Record<MethodName, Handler>> = {}
  private readonly listeners = new Set<(e: CoreEvent) => void>()
  private nextId = 1_000_000

  readonly transport: Transport = {
    kind: 'web',
    call: (method, args) => this.call(method, (args ?? {}) as Record<string, unknown>),
    onEvent: (listener) => {
      this.listeners.add(listener)
      return () => {
        this.listeners.delete(listener)
      }
    },
    onLinkState: (listener: (s: LinkState) => void) => {
      listener({ state: 'open' })
      return () => undefined
    },
    reconnectNow: () => undefined,
  }

  emit(event: CoreEvent): void {
    for (const l of this.listeners) l(event)
  }

  callsOf(method: MethodName): Record<string, unknown>[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args)
  }

  setMessages(conversationId: ConversationId, list: ArchivedMessage[]): void {
    this.messages.set(
      conversationId,
      [...list].sort((a, b) => a.date - b.date || a.id - b.id),
    )
  }

  private async call(method: MethodName, args: Record<string, unknown>): Promise<Result<unknown>> {
    this.calls.push({ method, args })
    await Promise.resolve()
    try {
      const handler =
        this.overrides[method] ?? ((a: Record<string, unknown>) => this.handle(method, a))
      return { ok: true, value: await handler(args) }
    } catch (e) {
      if (e instanceof FakeError) return { ok: false, error: { code: e.code, message: e.message } }
      throw e
    }
  }

  private handle(method: MethodName, args: Record<string, unknown>): unknown {
    switch (method) {
      case 'app.info':
        return this.info
      case 'status.get':
        return this.status
      case 'devices.list':
        return this.devices
      case 'pairing.get':
      case 'pairing.start':
      case 'pairing.cancel':
      case 'pairing.connectTo':
        return this.pairing
      case 'conversations.list':
        return this.conversationPage(args)
      case 'conversations.get': {
        const c = this.conversations.find((x) => x.id === args.conversationId)
        if (c === undefined) throw new FakeError('not_found', 'no such conversation')
        return c
      }
      case 'conversations.markRead':
        return null
      case 'messages.list':
        return this.messagePage(args)
      case 'messages.around':
        return this.around(args)
      case 'messages.send':
        return this.send(args)
      case 'compose.stage':
      case 'compose.stageChunk':
      case 'compose.unstage':
      case 'attachments.get':
      case 'attachments.save':
        return this.files.handle(method, args)
      case 'search.query':
        return this.search(args)
      case 'contacts.search':
        return []
      case 'contacts.photo':
        return this.photos.get(`${String(args.deviceId)}/${String(args.contactId)}`) ?? null
      case 'conversations.findByAddress':
        return null
      case 'data.info':
        return this.dataInfo()
      case 'data.upload':
        return { uploadId: 'a'.repeat(32) }
      case 'data.chunk':
      case 'data.import':
      case 'data.cancel':
      case 'data.delete':
        return null
      default:
        throw new FakeError('not_available', `${method} is not faked`)
    }
  }

  /** What Settings → Data shows: each device with as many messages as it has conversations. */
  dataInfo(): DataInfo {
    return {
      location: '/home/user/.config/Textbridge',
      sizeBytes: 5 * 1024 * 1024,
      phones: this.devices.map((d) => ({
        deviceId: d.id,
        name: d.name,
        paired: d.unpairedAt === null,
        messages: this.conversations.filter((c) => c.deviceId === d.id).length,
        conversations: this.conversations.filter((c) => c.deviceId === d.id).length,
        imported: 0,
      })),
      job: null,
    }
  }

  private conversationPage(args: Record<string, unknown>): Page<Conversation> {
    const sorted = [...this.conversations].sort(
      (a, b) => b.lastMessage.date - a.lastMessage.date || b.id - a.id,
    )
    const limit = args.limit as number
    const start = typeof args.cursor === 'string' ? (decodeCursor(args.cursor)?.position ?? 0) : 0
    const items = sorted.slice(start, start + limit)
    const end = start + items.length
    return {
      items,
      older:
        end < sorted.length
          ? encodeCursor({ list: 'conversation', direction: 'older', position: end })
          : null,
      newer: null,
    }
  }

  private messagePage(args: Record<string, unknown>): Page<ArchivedMessage> {
    const all = this.messages.get(args.conversationId as number) ?? []
    const limit = args.limit as number
    const cursor = typeof args.cursor === 'string' ? decodeCursor(args.cursor) : null
    if (cursor?.direction === 'newer')
      return this.slice(all, cursor.position, cursor.position + limit)
    const end = cursor === null ? all.length : cursor.position
    return this.slice(all, Math.max(0, end - limit), end)
  }

  private around(args: Record<string, unknown>): Page<ArchivedMessage> {
    const all = this.messages.get(args.conversationId as number) ?? []
    const at = all.findIndex((m) => m.id === args.messageId)
    if (at === -1) throw new FakeError('not_found', 'no such message')
    const limit = args.limit as number
    const before = Math.floor((limit - 1) / 2)
    const start = Math.max(0, at - before)
    return this.slice(all, start, Math.min(all.length, start + limit))
  }

  private slice(all: ArchivedMessage[], start: number, end: number): Page<ArchivedMessage> {
    return {
      items: all.slice(start, end),
      older:
        start > 0 ? encodeCursor({ list: 'message', direction: 'older', position: start }) : null,
      newer:
        end < all.length
          ? encodeCursor({ list: 'message', direction: 'newer', position: end })
          : null,
    }
  }

  private send(args: Record<string, unknown>): ArchivedMessage {
    const to = args.to as { conversationId?: number }
    const conversationId = to.conversationId ?? 1
    const message: ArchivedMessage = {
      id: this.nextId++,
      conversationId,
      deviceId: this.devices[0]?.id ?? '',
      phoneId: null,
      imported: false,
      box: 'sent',
      kind: 'sms',
      direction: 'outgoing',
      sender: null,
      body: (args.body as string).trim(),
      date: Date.now(),
      dateSent: null,
      sim: null,
      delivery: { state: 'queued', reason: null, outboxId: 1 },
      unread: false,
      attachments: this.files.take((args.attachments ?? []) as string[]),
    }
    this.setMessages(conversationId, [...(this.messages.get(conversationId) ?? []), message])
    this.files.keep(message, (args.attachments ?? []) as string[])
    return message
  }
}

const emptySearch: SearchPage = {
  hits: [],
  older: null,
  total: { count: 0, capped: false },
  conversations: [],
  indexing: false,
  empty: false,
}
