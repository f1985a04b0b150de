// Data and behaviour for the stand-in core (tests and manual checks only): a paired dual-SIM
// phone or none, many conversations, a long thread with pictures, a pairing flow the "demo
// phone" button drives, sends that progress to delivered (or fail on "[fail]"), and a simple
// substring search.
import type { ArchivedMessage, Conversation, SearchHit } from '../../../shared/model'
import { FakeError, type FakeCore } from '../../../renderer/testing/fake-core'
import { makeConversation, makeDevice, makeMessage } from '../../../renderer/testing/fixtures'

const NAMES = [
  'Ada Lovelace',
  'Grace Hopper',
  'Alan Turing',
  'Katherine Johnson',
  'Linus Pauling',
  'Marie Curie',
  'Dorothy Vaughan',
  'Hedy Lamarr',
  'Tim Berners-Lee',
  'Radia Perlman',
  'سارا احمدی',
  'Frances Allen',
]
const BODIES = [
  'On my way, 10 minutes',
  'Can you pick up milk on the way home?',
  'The invoice for March is attached, see https://example.com/invoice/2024-03',
  'Happy birthday!! 🎉🎂',
  'Running late, start without me',
  'Your parcel will arrive tomorrow between 9:00 and 13:00.',
  'Ok 👍',
  'Did you see the game last night? Unbelievable second half.',
  'مرحبا، كيف حالك؟',
  'Meeting moved to Thursday 3pm, same room.',
]
// A 4×4 PNG, blue.
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEklEQVR4nGNkYPjPgA0wYRcFAB0XAQdmYmRWAAAAAElFTkSuQmCC'

export function fillFakeCore(core: FakeCore, o: { conversations: number; paired: boolean }) {
  const now = Date.now()
  core.info = { ...core.info, demo: true }
  if (!o.paired) core.devices = []
  if (!o.paired) core.status = { ...core.status, devices: [] }
  core.conversations = Array.from({ length: o.conversations }, (_, i): Conversation => {
    const name = NAMES[i % NAMES.length] ?? 'Someone'
    const title =
      i < NAMES.length
        ? name
        : i % 3 === 0
          ? `+44 7700 9${String(i).padStart(5, '0')}`
          : `${name} ${i}`
    return makeConversation(i + 1, {
      title,
      lastMessage: {
        id: (i + 1) * 100_000,
        snippet: BODIES[i % BODIES.length] ?? '',
        date: now - i * 5_400_000,
        direction: i % 4 === 0 ? 'outgoing' : 'incoming',
        delivery: i % 4 === 0 ? 'delivered' : 'received',
        attachmentCount: 0,
      },
      unreadCount: i % 5 === 1 ? (i % 7) + 1 : 0,
      sim: {
        subId: (i % 2) + 1,
        slot: i % 2,
        label: i % 2 === 0 ? 'Personal' : 'Work',
        mmsMaxBytes: 307_200,
      },
    })
  })
  const long: ArchivedMessage[] = Array.from({ length: 2000 }, (_, i) => {
    const id = i + 1
    const outgoing = i % 3 === 0
    return makeMessage(id, 1, {
      direction: outgoing ? 'outgoing' : 'incoming',
      sender: outgoing
        ? null
        : { key: '+447700900001', address: '07700 900001', name: 'Ada Lovelace' },
      body:
        id === 5
          ? 'The old invoice from 2019 is in the blue folder'
          : (BODIES[i % BODIES.length] ?? ''),
      date: now - (2000 - i) * 3_600_000 * 2,
      delivery: { state: outgoing ? 'delivered' : 'received', reason: null, outboxId: null },
      attachments:
        id % 97 === 0
          ? [{ partId: `p${id}`, mime: 'image/png', size: 75, name: 'photo.png', cached: true }]
          : [],
      sim: { subId: 1, slot: 0, label: 'Personal', mmsMaxBytes: 307_200 },
    })
  })
  long.push(
    makeMessage(2001, 1, {
      direction: 'outgoing',
      body: 'Will this go? [fail]',
      date: now - 60_000,
      delivery: { state: 'failed', reason: 'no_service', outboxId: 1 },
      sender: null,
    }),
  )
  core.setMessages(1, long)
  for (const c of core.conversations.slice(1, 40)) {
    core.setMessages(
      c.id,
      Array.from({ length: 30 }, (_, i) =>
        makeMessage(c.id * 1000 + i, c.id, { date: now - (30 - i) * 7_200_000 - c.id * 1000 }),
      ),
    )
  }
  core.overrides['attachments.get'] = () => ({ mime: 'image/png', data: PNG })
  core.overrides['contacts.search'] = (args) =>
    NAMES.filter((n) => n.toLowerCase().includes(String(args.text).toLowerCase())).map(
      (name, i) => {
        const number = `+4477009001${String(i).padStart(2, '0')}`
        return {
          deviceId: makeDevice().id,
          id: `c:${i}`,
          name,
          numbers: [{ raw: number, key: number, type: 'mobile' as const, label: null }],
          hasPhoto: false,
        }
      },
    )
  pairingBehaviour(core)
  sendBehaviour(core)
  core.search = (args) => search(core, String(args.text))
}

function pairingBehaviour(core: FakeCore) {
  core.overrides['pairing.start'] = () => {
    core.pairing = {
      step: 'showing_qr',
      uri: `textbridge://pair?v=1&k=${Math.random().toString(36).slice(2)}&s=${Date.now()}`,
      expiresAt: Date.now() + 120_000,
    }
    return core.pairing
  }
  core.overrides['demo.scanQr'] = () => {
    setTimeout(() => {
      core.pairing = { step: 'confirm', sas: '123456', phoneName: 'Demo Pixel' }
      core.emit({ type: 'pairing', pairing: core.pairing })
    }, 300)
    setTimeout(() => {
      core.devices = [makeDevice({ name: 'Demo Pixel' })]
      core.status = {
        ...core.status,
        devices: [
          {
            deviceId: makeDevice().id,
            name: 'Demo Pixel',
            connection: { state: 'connected' },
            diagnostics: {
              seenOnNetwork: true,
              address: '127.0.0.1',
              lastFailure: null,
              lastConnectedAt: Date.now(),
            },
          },
        ],
      }
      core.pairing = { step: 'paired', deviceId: makeDevice().id, phoneName: 'Demo Pixel' }
      core.emit({ type: 'pairing', pairing: core.pairing })
      core.emit({ type: 'status', status: core.status })
    }, 1800)
    return null
  }
}

function sendBehaviour(core: FakeCore) {
  const advance = (conversationId: number, id: number, states: ArchivedMessage['delivery'][]) => {
    states.forEach((delivery, i) => {
      setTimeout(
        () => {
          const list = core.messages.get(conversationId) ?? []
          core.setMessages(
            conversationId,
            list.map((m) => (m.id === id ? { ...m, delivery } : m)),
          )
          core.emit({ type: 'messages', conversationId, ids: [id] })
        },
        400 * (i + 1),
      )
    })
  }
  core.overrides['messages.send'] = (args) => {
    const to = args.to as { conversationId?: number }
    if (to.conversationId === undefined)
      throw new FakeError('not_available', 'New conversations are not faked.')
    const list = core.messages.get(to.conversationId) ?? []
    const id = 900_000 + list.length
    const message = makeMessage(id, to.conversationId, {
      direction: 'outgoing',
      sender: null,
      body: String(args.body).trim(),
      date: Date.now(),
      delivery: { state: 'queued', reason: null, outboxId: id },
    })
    core.setMessages(to.conversationId, [...list, message])
    const fail = message.body.includes('[fail]')
    advance(to.conversationId, id, [
      { state: 'dispatching', reason: null, outboxId: id },
      fail
        ? { state: 'failed', reason: 'no_service', outboxId: id }
        : { state: 'sent', reason: null, outboxId: id },
      ...(fail ? [] : [{ state: 'delivered' as const, reason: null, outboxId: id }]),
    ])
    return message
  }
  core.overrides['messages.retry'] = (args) => {
    for (const [conversationId, list] of core.messages) {
      const m = list.find((x) => x.id === args.messageId)
      if (m === undefined) continue
      const queued = { ...m, delivery: { state: 'queued' as const, reason: null, outboxId: m.id } }
      core.setMessages(
        conversationId,
        list.map((x) => (x.id === m.id ? queued : x)),
      )
      advance(conversationId, m.id, [
        { state: 'dispatching', reason: null, outboxId: m.id },
        { state: 'failed', reason: 'no_service', outboxId: m.id },
      ])
      return queued
    }
    throw new FakeError('not_found', 'no such message')
  }
}

function search(core: FakeCore, text: string) {
  const q = text.trim().toLowerCase()
  const hits: SearchHit[] = []
  for (const [conversationId, list] of core.messages) {
    const title = core.conversations.find((c) => c.id === conversationId)?.title ?? ''
    for (const m of [...list].reverse()) {
      const at = m.body.toLowerCase().indexOf(q)
      if (q.length === 0 || at === -1) continue
      hits.push({
        messageId: m.id,
        conversationId,
        deviceId: m.deviceId,
        conversationTitle: title,
        date: m.date,
        direction: m.direction,
        sender: m.sender,
        segments: [
          { text: m.body.slice(0, at), match: false },
          { text: m.body.slice(at, at + q.length), match: true },
          { text: m.body.slice(at + q.length), match: false },
        ],
        truncatedStart: false,
        truncatedEnd: false,
      })
    }
  }
  hits.sort((a, b) => b.date - a.date)
  return {
    hits: hits.slice(0, 30),
    older: null,
    total: { count: hits.length, capped: false },
    conversations: core.conversations
      .filter((c) => q.length > 0 && c.title.toLowerCase().includes(q))
      .slice(0, 5)
      .map((conversation) => ({ conversation, matchedBy: 'name' as const })),
    indexing: false,
    empty: q.length === 0,
  }
}
