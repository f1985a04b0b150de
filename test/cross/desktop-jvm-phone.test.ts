// Issue 3, item 6: the TypeScript desktop core pairs with the Java phone core (the JVM runner)
// over loopback, syncs a few thousand messages, receives a live text, and sends one that reaches
// "delivered" — both implementations of the protocol talking for real.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CoreEvent } from '../../shared/api/events'
import { StaticFinder } from '../../electron/core/discovery/discovery'
import { writeHistory, generateHistory } from '../../electron/demo/generate'
import { storedCounts } from '../support/archive-walk'
import { startHarness, synced, type Harness } from '../support/core-harness'
import {
  ensurePhoneJar,
  javaUnavailable,
  startJvmPhone,
  type JsonLines,
} from '../support/java-runner'

const skip = javaUnavailable()
if (skip !== null) console.warn(`desktop ↔ JVM phone test skipped: ${skip}`)

const MESSAGES = 3000
const options = { messages: MESSAGES, conversations: 90, seed: 21 }

describe.skipIf(skip !== null)('desktop core ↔ Java phone core over loopback', () => {
  let dir: string
  let phone: JsonLines
  let h: Harness
  let port: number
  let deviceId: string

  beforeAll(async () => {
    ensurePhoneJar()
    dir = mkdtempSync(join(tmpdir(), 'tb-cross-'))
    await writeHistory(join(dir, 'history.json'), options)
    ;({ phone, port } = await startJvmPhone(dir))
    h = await startHarness({
      history: generateHistory({ messages: 1, conversations: 1 }),
      finder: new StaticFinder(),
    })
  }, 300_000)

  afterAll(async () => {
    await h.stop()
    await phone.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('pairs: the phone scans the QR, both show the same code, the phone confirms', async () => {
    const shown = await h.call('pairing.start', {})
    if (shown.step !== 'showing_qr') throw new Error(shown.step)
    phone.send({ cmd: 'scan', uri: shown.uri })
    await phone.next<{ event: string }>((l) => l.event === 'scanned')
    await h.call('pairing.connectTo', { host: '127.0.0.1', port })
    const sasOnPhone = (
      await phone.next<{ event: string; sas: string }>((l) => l.event === 'pairing')
    ).sas
    const paired = await h.until(async () => {
      const state = await h.call('pairing.get', {})
      if (state.step === 'failed') throw new Error(state.reason)
      return state.step === 'paired' ? state : undefined
    })
    deviceId = paired.deviceId
    const confirm = h.events.find((e) => e.type === 'pairing' && e.pairing.step === 'confirm')
    expect(
      confirm?.type === 'pairing' && confirm.pairing.step === 'confirm' && confirm.pairing.sas,
    ).toBe(sasOnPhone)
  }, 60_000)

  it(`syncs all ${MESSAGES} messages exactly once`, async () => {
    await synced(h, deviceId, 120_000)
    expect((await storedCounts(h.core.archive)).messages).toBe(MESSAGES)
    expect(await h.core.archive.searchIndex.check()).toEqual({ sqlite: ['ok'], fts: 'ok' })
  }, 180_000)

  it('receives a live text and sends one that reaches delivered', async () => {
    phone.send({ cmd: 'incoming', from: '+447700900321', body: 'Live from the JVM 🚀' })
    const incoming = await h.until(() =>
      h.events.find((e): e is Extract<CoreEvent, { type: 'incoming' }> => e.type === 'incoming'),
    )
    expect(incoming.snippet).toContain('Live from the JVM')
    const sent = await h.call('messages.send', {
      to: { conversationId: incoming.conversationId },
      body: 'Reply from TypeScript',
      subId: null,
    })
    const delivered = await h.until(async () => {
      const page = await h.call('messages.list', {
        conversationId: incoming.conversationId,
        limit: 10,
      })
      const mine = page.items.filter((m) => m.body === 'Reply from TypeScript')
      return mine.length === 1 && mine[0]?.delivery.state === 'delivered' ? mine[0] : undefined
    }, 30_000)
    expect(delivered.id).toBe(sent.id)
    await phone.next<{ event: string; state: string }>(
      (l) => l.event === 'send' && l.state === 'delivered',
    )
  }, 60_000)
})
