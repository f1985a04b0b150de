// Two hosts on a private link (network namespaces, never the machine's own interfaces): the
// Java phone advertises itself with JmDNS, the desktop finds it with mDNS and pairs with the QR;
// then the link is cut mid-sync (a network partition) while texts keep arriving and the user
// keeps sending, and after the link comes back everything is caught up: nothing twice, nothing lost.
import type { ChildProcessWithoutNullStreams } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeHistory } from '../../electron/demo/generate'
import { OUTBOX_STATES } from '../../shared/model/outbox'
import { openArchive } from '../../electron/core/store'
import { storedCounts } from '../support/archive-walk'
import { AGENT, agentOf, TSX, type Agent } from '../support/agent'
import {
  ensurePhoneJar,
  javaUnavailable,
  jsonLines,
  PHONE_JAR,
  type JsonLines,
} from '../support/java-runner'
import { createLan, lanAvailable, type Lan } from './netns'

const skip = lanAvailable() ?? javaUnavailable()
if (skip !== null) console.warn(`LAN tests skipped: ${skip}`)

const HISTORY = 20_000
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe.skipIf(skip !== null)('on a LAN made of network namespaces', () => {
  let lan: Lan
  let dir: string
  let phone: JsonLines
  let agent: Agent

  beforeAll(async () => {
    ensurePhoneJar()
    dir = mkdtempSync(join(tmpdir(), 'tb-lan-'))
    await writeHistory(join(dir, 'history.json'), {
      messages: HISTORY,
      conversations: 400,
      seed: 31,
    })
    lan = createLan()
    phone = jsonLines(
      lan.spawn(lan.a, 'java', [
        '-jar',
        PHONE_JAR,
        '--history',
        join(dir, 'history.json'),
        '--port',
        '47800',
        '--bind',
        lan.a.ip,
        '--mdns',
        '--state',
        join(dir, 'phone'),
        '--name',
        'LAN Pixel',
      ]) as ChildProcessWithoutNullStreams,
    )
    await phone.next((l: { event?: string }) => l.event === 'listening', 120_000)
    agent = agentOf(
      lan.spawn(lan.b, process.execPath, [
        TSX,
        AGENT,
        '--data',
        join(dir, 'desktop'),
        '--mdns',
        '--keepalive-ms',
        '3000',
      ]),
    )
  }, 300_000)

  afterAll(async () => {
    agent.child.kill('SIGTERM')
    await agent.exited()
    await phone.stop()
    lan.destroy()
    rmSync(dir, { recursive: true, force: true })
  })

  it('finds the phone by mDNS and pairs through the QR it scanned', async () => {
    const qr = await agent.waitFor('qr', 60_000)
    phone.send({ cmd: 'scan', uri: qr.uri })
    // No address is typed anywhere: the desktop sees the phone advertise the QR's pairing tag.
    await agent.waitFor('paired', 60_000)
  }, 120_000)

  it('survives a partition mid-sync and catches up with nothing lost or doubled', async () => {
    await sleep(400)
    lan.setLink(false)
    // While cut off: texts arrive on the phone, and the user sends two from the desktop.
    for (let i = 0; i < 3; i++)
      phone.send({ cmd: 'incoming', from: `+4477009005${i}0`, body: `During the partition ${i}` })
    agent.send({ cmd: 'send', body: 'Sent while the Wi-Fi was down (1)' })
    agent.send({ cmd: 'send', body: 'Sent while the Wi-Fi was down (2)' })
    await sleep(6_000)
    lan.setLink(true)
    try {
      await agent.next('settled', 120_000)
    } catch (e) {
      console.log(
        `agent states: ${agent.seen
          .filter((e) => e.event === 'state' || e.event === 'outbox')
          .map((e) => JSON.stringify(e))
          .join(' → ')}`,
      )
      throw e
    }
    const delivered = new Set<string>()
    while (delivered.size < 2) {
      const line = await phone.next(
        (l: { event?: string; state?: string }) => l.event === 'send' && l.state === 'delivered',
        60_000,
      )
      delivered.add(String((line as { key?: string }).key))
    }
    agent.child.kill('SIGTERM')
    await agent.exited()

    const archive = openArchive(join(dir, 'desktop', 'archive.sqlite'), { clock: Date.now })
    try {
      expect(archive.searchIndex.check()).toEqual({ sqlite: ['ok'], fts: 'ok' })
      const device = archive.devices.list()[0]!
      const stored = (await storedCounts(archive, device.id)).messages
      expect(stored).toBe(HISTORY + 3 + 2)
      const sends = archive.outbox.list(device.id, OUTBOX_STATES)
      expect(sends.map((e) => e.state).sort()).toEqual(['delivered', 'delivered'])
      expect(new Set(sends.map((e) => e.sendKey))).toEqual(delivered)
    } finally {
      archive.close()
    }
  }, 300_000)
})
