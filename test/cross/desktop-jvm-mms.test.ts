// A picture to a group of three, from the TypeScript desktop core through the Java phone core
// (the JVM runner with --group-send, which sends one group MMS as a real phone does): staged in
// chunks, uploaded to the phone, sent once, and the phone's own record of it merged with the
// bubble.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STAGE_CHUNK_BYTES } from '../../shared/api/compose'
import { StaticFinder } from '../../electron/core/discovery/discovery'
import { writeHistory, generateHistory } from '../../electron/demo/generate'
import { startHarness, synced, type Harness } from '../support/core-harness'
import {
  ensurePhoneJar,
  javaUnavailable,
  startJvmPhone,
  type JsonLines,
} from '../support/java-runner'

const skip = javaUnavailable()
const GROUP = ['+447700900701', '+447700900702', '+447700900703']

describe.skipIf(skip !== null)('a group picture message through the Java phone core', () => {
  let dir: string
  let phone: JsonLines
  let h: Harness
  let deviceId: string

  beforeAll(async () => {
    ensurePhoneJar()
    dir = mkdtempSync(join(tmpdir(), 'tb-cross-mms-'))
    await writeHistory(join(dir, 'history.json'), { messages: 60, conversations: 6, seed: 5 })
    const started = await startJvmPhone(dir, ['--group-send'])
    phone = started.phone
    const port = started.port
    h = await startHarness({
      history: generateHistory({ messages: 1, conversations: 1 }),
      finder: new StaticFinder(),
    })
    const shown = await h.call('pairing.start', {})
    if (shown.step !== 'showing_qr') throw new Error(shown.step)
    phone.send({ cmd: 'scan', uri: shown.uri })
    await phone.next<{ event: string }>((l) => l.event === 'scanned')
    await h.call('pairing.connectTo', { host: '127.0.0.1', port })
    await phone.next<{ event: string }>((l) => l.event === 'pairing')
    const paired = await h.until(async () => {
      const state = await h.call('pairing.get', {})
      if (state.step === 'failed') throw new Error(state.reason)
      return state.step === 'paired' ? state : undefined
    })
    deviceId = paired.deviceId
    await synced(h, deviceId, 120_000)
  }, 300_000)

  afterAll(async () => {
    await h.stop()
    await phone.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('is offered, because the phone says it can send group MMS', async () => {
    const device = (await h.call('devices.list', {})).find((d) => d.id === deviceId)
    expect(device?.sending).toMatchObject({ mms: true, group: true, mmsMaxBytes: 307_200 })
  })

  it('goes out once to all three, and the phone’s record merges with the bubble', async () => {
    const picture = randomBytes(250_000)
    picture.set([0xff, 0xd8, 0xff, 0xe0])
    const { stageId } = await h.call('compose.stage', {
      name: 'quote.jpg',
      mime: 'image/jpeg',
      size: picture.length,
    })
    for (let offset = 0; offset < picture.length; offset += STAGE_CHUNK_BYTES) {
      const data = picture.subarray(offset, offset + STAGE_CHUNK_BYTES).toString('base64')
      await h.call('compose.stageChunk', { stageId, offset, data })
    }
    const sent = await h.call('messages.send', {
      to: { deviceId, addresses: GROUP },
      body: 'The quote for Tuesday 📎',
      subId: null,
      attachments: [stageId],
    })
    const done = await phone.next<{ event: string; key: string; state: string }>(
      (l) => l.event === 'send' && l.state === 'sent',
      60_000,
    )
    const bubble = await h.until(async () => {
      const page = await h.call('messages.list', { conversationId: sent.conversationId, limit: 20 })
      const mine = page.items.filter((m) => m.body === 'The quote for Tuesday 📎')
      return mine.length === 1 && mine[0]?.delivery.state === 'sent' && mine[0].phoneId !== null
        ? mine[0]
        : undefined
    }, 60_000)
    expect(bubble.id).toBe(sent.id)
    expect(bubble.kind).toBe('mms')
    expect(bubble.phoneId).toMatch(/^mms:/)
    const conversation = await h.call('conversations.get', { conversationId: sent.conversationId })
    expect(conversation.participants).toHaveLength(3)
    // One hand-over under one key: no other send is reported after it.
    await expect(
      phone.next<{ event: string; key: string }>(
        (l) => l.event === 'send' && l.key !== done.key,
        2_000,
      ),
    ).rejects.toThrow()
    const [part] = bubble.attachments
    expect(part?.mime).toBe('image/jpeg')
    const fetched = await h.call('attachments.get', {
      messageId: bubble.id,
      partId: part?.partId ?? '',
    })
    expect(Buffer.from(fetched.data, 'base64').equals(picture)).toBe(true)
  }, 120_000)
})
