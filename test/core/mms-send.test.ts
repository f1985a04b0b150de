// Pictures and group messages end to end: the window's API stages a file in chunks and sends it,
// the core uploads it to the demo phone resumably and sends one MMS, and the phone's record of
// it merges with the bubble. Also what the core refuses before anything leaves: a phone that
// cannot send MMS, a message over the SIM's limit.
import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { STAGE_CHUNK_BYTES } from '../../shared/api/compose'
import type { ArchivedMessage } from '../../shared/model/message'
import { generateHistory } from '../../electron/demo/generate'
import { pair, startHarness, synced, type Harness } from '../support/core-harness'

let h: Harness | null = null
afterEach(async () => {
  await h?.stop()
  h = null
})

const GROUP = ['+447700900601', '+447700900602', '+447700900603']
const UPLOAD_CHUNK = 196_608

/** A JPEG as far as anyone here looks: its signature, then noise. */
function jpeg(size: number): Buffer {
  const bytes = randomBytes(size)
  bytes.set([0xff, 0xd8, 0xff, 0xe0])
  return bytes
}

/** Stages a file as the window does: `compose.stage`, then chunks of 160 KiB in order. */
async function stage(harness: Harness, bytes: Buffer, name = 'IMG_0042.jpg'): Promise<string> {
  const { stageId } = await harness.call('compose.stage', {
    name,
    mime: 'image/jpeg',
    size: bytes.length,
  })
  for (let offset = 0; offset < bytes.length; offset += STAGE_CHUNK_BYTES) {
    const data = bytes.subarray(offset, offset + STAGE_CHUNK_BYTES).toString('base64')
    const { received } = await harness.call('compose.stageChunk', { stageId, offset, data })
    expect(received).toBe(Math.min(bytes.length, offset + STAGE_CHUNK_BYTES))
  }
  return stageId
}

async function start(phone: Parameters<typeof startHarness>[0]['phone'] = {}, groups = 0) {
  const history = generateHistory({ messages: 150, conversations: 8, seed: 61, groups })
  h = await startHarness({ history, fastReconnect: true, phone })
  const deviceId = await pair(h)
  await synced(h, deviceId)
  return { harness: h, deviceId }
}

/** Polls the bubble until its delivery state is `state`; answers the bubbles seen with that id. */
async function until(harness: Harness, sent: ArchivedMessage, state: string) {
  return harness.until(async () => {
    const page = await harness.call('messages.list', {
      conversationId: sent.conversationId,
      limit: 50,
    })
    const mine = page.items.filter((m) => m.id === sent.id)
    return mine[0]?.delivery.state === state ? mine : undefined
  }, 30_000)
}

/** The demo phone's rows written by a send from this desktop. */
function phoneSends(harness: Harness) {
  return harness.demo.phone.store.ordered.filter((m) => m.sendKey !== null)
}

describe('sending pictures and group messages', () => {
  it('sends a picture to three people as one MMS, stored once, delivered, bytes fetchable', async () => {
    const { harness, deviceId } = await start()
    const device = (await harness.call('devices.list', {})).find((d) => d.id === deviceId)!
    expect(device.sending).toEqual({ mms: true, group: true, mmsMaxBytes: 614_400 })
    const picture = jpeg(350_000)
    const stageId = await stage(harness, picture)
    const sent = await harness.call('messages.send', {
      to: { deviceId, addresses: GROUP },
      body: 'Look at this',
      subId: null,
      attachments: [stageId],
    })
    expect(sent).toMatchObject({ kind: 'mms', body: 'Look at this', phoneId: null })
    expect(sent.attachments).toMatchObject([{ mime: 'image/jpeg', size: 350_000, cached: true }])
    const [delivered] = await until(harness, sent, 'delivered')
    // The phone's record merged into the bubble: one message, carrying the phone's own part.
    expect(delivered!.phoneId).toMatch(/^mms:/)
    const conversation = await harness.call('conversations.get', {
      conversationId: sent.conversationId,
    })
    expect(conversation.participants).toHaveLength(3)
    expect(conversation.messageCount).toBe(1)
    const rows = phoneSends(harness)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ kind: 'mms', box: 'sent', body: 'Look at this' })
    expect(rows[0]!.addresses).toEqual(GROUP)
    expect(rows[0]!.parts[0]!.data).toBe(picture.toString('base64'))
    expect(harness.demo.phone.radioSends).toBe(1)
    // Uploaded once, in two chunks, nothing twice.
    expect(harness.demo.phone.faults.uploadChunks.map((c) => [c.offset, c.stored])).toEqual([
      [0, true],
      [UPLOAD_CHUNK, true],
    ])
    const part = delivered!.attachments[0]!
    expect(part.partId).toBe(rows[0]!.parts[0]!.partId)
    expect(part.cached).toBe(true)
    // Served from the archive: the picture never comes back from the phone.
    await harness.demo.phone.stop()
    const fetched = await harness.call('attachments.get', {
      messageId: sent.id,
      partId: part.partId,
    })
    expect(fetched).toEqual({ mime: 'image/jpeg', data: picture.toString('base64') })
  }, 60_000)

  it('replies in a group conversation with one group MMS to all its members', async () => {
    const { harness } = await start({}, 2)
    const list = await harness.call('conversations.list', { limit: 50 })
    const group = list.items.find((c) => c.participants.length > 1)!
    expect(group).toBeDefined()
    const sent = await harness.call('messages.send', {
      to: { conversationId: group.id },
      body: 'Count me in',
      subId: null,
    })
    expect(sent.kind).toBe('mms')
    await until(harness, sent, 'delivered')
    const rows = phoneSends(harness)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ kind: 'mms', body: 'Count me in', parts: [] })
    expect(rows[0]!.addresses).toHaveLength(group.participants.length)
    const after = await harness.call('conversations.get', { conversationId: group.id })
    expect(after.messageCount).toBe(group.messageCount + 1)
  }, 60_000)

  it('refuses pictures and group messages to a phone that cannot send them', async () => {
    const { harness, deviceId } = await start(
      { capabilities: ['sync', 'send', 'contacts', 'mms.fetch', 'send.group'] },
      2,
    )
    const device = (await harness.call('devices.list', {})).find((d) => d.id === deviceId)!
    expect(device.sending).toMatchObject({ mms: false, group: false })
    const stageId = await stage(harness, jpeg(20_000))
    await expect(
      harness.call('messages.send', {
        to: { deviceId, addresses: [GROUP[0]!] },
        body: '',
        subId: null,
        attachments: [stageId],
      }),
    ).rejects.toThrow(/not_available .*can’t send pictures or files/)
    await expect(
      harness.call('messages.send', {
        to: { deviceId, addresses: GROUP },
        body: 'Hi all',
        subId: null,
      }),
    ).rejects.toThrow(/not_available .*can’t send group messages/)
    const group = (await harness.call('conversations.list', { limit: 50 })).items.find(
      (c) => c.participants.length > 1,
    )!
    await expect(
      harness.call('messages.send', { to: { conversationId: group.id }, body: 'x', subId: null }),
    ).rejects.toThrow(/not_available/)
    // Nothing was written and nothing reached the phone; a one-to-one text still goes.
    expect((await harness.call('status.get', {})).outbox.queued).toBe(0)
    expect(harness.demo.phone.sendRequests.size).toBe(0)
    const plain = await harness.call('messages.send', {
      to: { deviceId, addresses: [GROUP[0]!] },
      body: 'Just words',
      subId: null,
    })
    expect(plain.kind).toBe('sms')
    await until(harness, plain, 'delivered')
  }, 60_000)

  it('refuses a message over the SIM’s MMS limit, naming its size and the limit', async () => {
    // The phone states no limit: the desktop holds it to the protocol's 300 KiB.
    const { harness, deviceId } = await start({ mmsMaxBytes: null })
    const stageId = await stage(harness, jpeg(320_000))
    await expect(
      harness.call('messages.send', {
        to: { deviceId, addresses: [GROUP[0]!] },
        body: 'Too big',
        subId: null,
        attachments: [stageId],
      }),
    ).rejects.toThrow(/invalid_argument This message is about 315 KB, .*at most 300 KB/)
    expect(harness.demo.phone.sendRequests.size).toBe(0)
    // The staged file stays for the window to replace; a smaller one fits.
    await harness.call('compose.unstage', { stageId })
    const small = await stage(harness, jpeg(200_000))
    const sent = await harness.call('messages.send', {
      to: { deviceId, addresses: [GROUP[0]!] },
      body: '',
      subId: null,
      attachments: [small],
    })
    await until(harness, sent, 'delivered')
  }, 60_000)

  it('resumes an upload cut off by a dropped connection where the phone says it is', async () => {
    const { harness, deviceId } = await start({ mmsMaxBytes: 2_000_000 })
    const picture = jpeg(1_000_000)
    const stageId = await stage(harness, picture)
    let reconnects = 0
    harness.demo.phone.on((e) => {
      if (e.type === 'connected') reconnects++
    })
    harness.demo.phone.faults.dropAfterStoredChunks(2)
    const sent = await harness.call('messages.send', {
      to: { deviceId, addresses: [GROUP[0]!] },
      body: 'Big one',
      subId: null,
      attachments: [stageId],
    })
    await until(harness, sent, 'delivered')
    expect(reconnects).toBeGreaterThanOrEqual(1)
    const chunks = harness.demo.phone.faults.uploadChunks
    const stored = chunks.filter((c) => c.stored)
    // Every byte stored exactly once, in order; after the drop it went on, never from 0.
    expect(stored.map((c) => c.offset)).toEqual([0, 1, 2, 3, 4, 5].map((i) => i * UPLOAD_CHUNK))
    expect(stored.reduce((n, c) => n + c.length, 0)).toBe(picture.length)
    expect(chunks.filter((c) => c.offset === 0)).toHaveLength(1)
    // At most the one chunk whose answer the drop swallowed came again (and was not stored).
    expect(chunks.length - stored.length).toBeLessThanOrEqual(1)
    const rows = phoneSends(harness)
    expect(rows).toHaveLength(1)
    expect(rows[0]!.parts[0]!.data).toBe(picture.toString('base64'))
    expect(harness.demo.phone.radioSends).toBe(1)
  }, 60_000)

  it('asks again under the same key when the answer was lost: one MMS, no second upload', async () => {
    const { harness, deviceId } = await start({
      sendTimings: { sentAfterMs: 1_500, deliveredAfterMs: 300 },
    })
    const stageId = await stage(harness, jpeg(250_000))
    let reconnects = 0
    harness.demo.phone.on((e) => {
      if (e.type === 'connected') reconnects++
    })
    harness.demo.phone.faults.loseNextSendAnswer()
    const sent = await harness.call('messages.send', {
      to: { deviceId, addresses: GROUP },
      body: 'Once only',
      subId: null,
      attachments: [stageId],
    })
    await until(harness, sent, 'delivered')
    expect(reconnects).toBeGreaterThanOrEqual(1)
    const outbox = await harness.core.archive.outbox.get(sent.delivery.outboxId!)
    expect(harness.demo.phone.sendRequests.get(outbox.sendKey)).toBe(2)
    expect(harness.demo.phone.sendRequests.size).toBe(1)
    expect(harness.demo.phone.radioSends).toBe(1)
    expect(phoneSends(harness)).toHaveLength(1)
    expect(harness.demo.phone.faults.uploadChunks.map((c) => c.offset)).toEqual([0, UPLOAD_CHUNK])
    const page = await harness.call('messages.list', {
      conversationId: sent.conversationId,
      limit: 10,
    })
    expect(page.items.filter((m) => m.body === 'Once only')).toHaveLength(1)
  }, 60_000)

  it('shows the wait while the phone asks its user, then sent and delivered', async () => {
    const { harness, deviceId } = await start({
      sendTimings: { sentAfterMs: 200, deliveredAfterMs: 300, allowAfterMs: 1_500 },
    })
    const stageId = await stage(harness, jpeg(30_000))
    const sent = await harness.call('messages.send', {
      to: { deviceId, addresses: [GROUP[0]!] },
      body: '[wait] for you',
      subId: null,
      attachments: [stageId],
    })
    await until(harness, sent, 'waiting')
    const status = await harness.call('status.get', {})
    expect(status.outbox).toMatchObject({ queued: 0, dispatching: 1 })
    const [done] = await until(harness, sent, 'delivered')
    expect(done!.kind).toBe('mms')
    expect(harness.demo.phone.radioSends).toBe(1)
  }, 60_000)
})
