// Targets 2 and 7 on the archive target 1 synced (the TypeScript demo phone, in process, over a
// real loopback socket):
//   2. a text arrives: the phone's provider changes → the desktop's `incoming` event, with the
//      desktop's share (frame received → event) and the archive commit on their own;
//   7. `messages.send` called → the phone's send handler sees the request.
// Their floors on the same session: one bare message from the desktop to a phone listener.
import type { CoreEvent } from '../../../shared/api/events'
import { message } from '../../../shared/protocol'
import type { PeerSession } from '../../../electron/core/net/session'
import type { Harness } from '../../support/core-harness'
import type { BenchDemo } from '../lib/demo'
import { before, instrument } from '../lib/instrument'
import { now, sleep } from '../lib/stats'

export interface IncomingSamples {
  readonly endToEnd: number[]
  readonly desktop: number[]
  readonly commit: number[]
}

function desktopSession(h: Harness, deviceId: string): PeerSession {
  const session = h.core.phones.get(deviceId)?.liveSession
  if (session === null || session === undefined) throw new Error('the phone is not connected')
  return session
}

function phoneSession(demo: BenchDemo): PeerSession {
  const sessions = (demo.phone as unknown as { sessions: Set<PeerSession> }).sessions
  const [session] = [...sessions].filter((s) => s.isOpen)
  if (session === undefined) throw new Error('the demo phone has no open session')
  return session
}

/** Senders of existing conversations, so texts land in threads that already exist. */
async function senders(h: Harness): Promise<string[]> {
  const list = await h.core.archive.conversations.list({}, null, 20)
  const out = list.items
    .filter((c) => c.participants.length === 1)
    .map((c) => c.participants[0]?.address ?? '')
    .filter((a) => a !== '')
  return out.length > 0 ? out : ['+447700900123']
}

export async function measureIncoming(
  h: Harness,
  demo: BenchDemo,
  deviceId: string,
  count: number,
): Promise<IncomingSamples> {
  let frameAt = Number.NaN
  let commitMs = Number.NaN
  // The desktop session's frame handler (decrypt, parse, dispatch to the sync engine).
  before(desktopSession(h, deviceId), 'receive', () => {
    frameAt = now()
  })
  instrument(h.core.archive.sync, 'applyPush', (ms) => {
    commitMs = ms
  })
  let waiting: { body: string; resolve: (at: number) => void } | null = null
  const off = h.core.api.onEvent((event: CoreEvent) => {
    if (event.type === 'incoming' && waiting !== null && event.snippet === waiting.body) {
      waiting.resolve(now())
    }
  })
  const from = await senders(h)
  const samples: IncomingSamples = { endToEnd: [], desktop: [], commit: [] }
  try {
    for (let i = 0; i < count; i++) {
      const body = `Bench incoming ${i}: are we still on for dinner at ${6 + (i % 3)}?`
      const seen = new Promise<number>((resolve) => {
        waiting = { body, resolve }
      })
      demo.phone.receive(from[i % from.length] ?? '+447700900123', body)
      const changedAt = demo.lastChange()
      const eventAt = await seen
      samples.endToEnd.push(eventAt - changedAt)
      samples.desktop.push(eventAt - frameAt)
      samples.commit.push(commitMs)
      // Let the ack go out and the phone settle, as texts do not arrive back to back.
      await sleep(2)
    }
  } finally {
    off()
  }
  return samples
}

export interface SendSamples {
  /** `messages.send` called → the phone's send handler called with the request. */
  readonly toPhone: number[]
  /** `messages.send` called → the call returned (text and outbox entry committed). */
  readonly apiCall: number[]
}

export async function measureSend(
  h: Harness,
  demo: BenchDemo,
  conversationId: number,
  count: number,
): Promise<SendSamples> {
  let waiting: { body: string; resolve: (at: number) => void } | null = null
  // The demo phone's send service, as its session hands it a `send.request`.
  before((demo.phone as unknown as { sends: object }).sends, 'handle', (_session, msg) => {
    const at = now()
    const body = (msg as { body: { body: string } }).body.body
    if (waiting !== null && body === waiting.body) waiting.resolve(at)
  })
  const samples: SendSamples = { toPhone: [], apiCall: [] }
  for (let i = 0; i < count; i++) {
    const body = `Bench send ${i}: running ten minutes late, sorry!`
    const seen = new Promise<number>((resolve) => {
      waiting = { body, resolve }
    })
    const start = now()
    await h.call('messages.send', { to: { conversationId }, body, subId: null })
    const returned = now()
    const phoneAt = await seen
    samples.toPhone.push(phoneAt - start)
    samples.apiCall.push(returned - start)
    await sleep(2)
  }
  return samples
}

/** One bare message on the same session: desktop send → phone listener. */
export async function measureBareOneWay(
  h: Harness,
  demo: BenchDemo,
  deviceId: string,
  count: number,
): Promise<number[]> {
  const desktop = desktopSession(h, deviceId)
  const phone = phoneSession(demo)
  let resolve: ((at: number) => void) | null = null
  const off = phone.onMessage((msg) => {
    if (msg.type === 'ack' && msg.body.watermark === undefined) resolve?.(now())
  })
  const samples: number[] = []
  try {
    for (let i = 0; i < count; i++) {
      const seen = new Promise<number>((r) => {
        resolve = r
      })
      const start = now()
      desktop.send(message('ack', {}))
      samples.push((await seen) - start)
      await sleep(2)
    }
  } finally {
    off()
  }
  return samples
}
