// kill -9 of the desktop during a sync and a send, repeated: every message appears exactly once,
// nothing acknowledged is lost, PRAGMA integrity_check is ok, and nothing left "unknown" by a crash is ever resent on its own.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { generateHistory } from '../../electron/demo/generate'
import { Rng } from '../../electron/demo/generate/random'
import { DemoPhone } from '../../electron/demo/phone/demo-phone'
import { silentLogger } from '../../electron/core/log'
import { OUTBOX_STATES } from '../../shared/model/outbox'
import { openArchive } from '../../electron/core/store'
import { AGENT, agentOf, TSX, type Agent } from '../support/agent'
import { storedCounts } from '../support/archive-walk'

function startAgent(dataDir: string, phone: DemoPhone, crashOnDispatch = false): Agent {
  const child = spawn(
    process.execPath,
    [
      TSX,
      AGENT,
      '--data',
      dataDir,
      '--phone-port',
      String(phone.port),
      '--phone-id',
      phone.instanceId,
    ],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, TB_CRASH_ON_DISPATCH: crashOnDispatch ? '1' : '0' },
    },
  )
  return agentOf(child)
}

async function kill9(agent: Agent): Promise<void> {
  agent.child.kill('SIGKILL')
  await agent.exited()
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('kill -9 of the desktop during sync and send', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tb-kill9-'))
  const phone = new DemoPhone({
    history: generateHistory({ messages: 15_000, conversations: 300, seed: 8 }),
    log: silentLogger,
    confirm: () => Promise.resolve(true),
    sendTimings: { sentAfterMs: 150, deliveredAfterMs: 300 },
  })
  afterAll(async () => {
    await phone.stop()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('leaves an intact archive with every message once and no automatic resend', async () => {
    await phone.start()
    const random = Rng.stream(7, 'kill9')
    const queuedKeys: string[] = []

    // Run 1: pair, then die somewhere in the initial sync.
    let agent = startAgent(dataDir, phone)
    phone.scan(String((await agent.waitFor('qr')).uri))
    agent.send({ cmd: 'scanned' })
    await agent.waitFor('paired')
    await sleep(100 + random.int(500))
    await kill9(agent)

    // Runs 2-7: resume, sometimes send texts, and die again at random moments.
    for (let run = 2; run <= 7; run++) {
      agent = startAgent(dataDir, phone)
      await agent.waitFor('started')
      if (run % 2 === 1) {
        for (let i = 0; i < 3; i++) agent.send({ cmd: 'send', body: `run ${run} text ${i}` })
        const queued = await agent.waitFor('queued', 30_000)
        queuedKeys.push(String(queued.key))
        // Die right after the enqueue commits: the request may or may not have left.
        await sleep(random.int(40))
      } else {
        await sleep(50 + random.int(700))
      }
      for (const e of agent.seen.filter((e) => e.event === 'queued')) {
        if (!queuedKeys.includes(String(e.key))) queuedKeys.push(String(e.key))
      }
      await kill9(agent)
    }

    // A crash between "dispatching" and the request leaving: the text must end up unknown.
    agent = startAgent(dataDir, phone, true)
    await agent.waitFor('synced', 120_000)
    const requestsAtCrash = phone.sendRequests.size
    agent.send({ cmd: 'send', body: 'lost in the crash' })
    await agent.exited()
    expect(phone.sendRequests.size).toBe(requestsAtCrash)

    // Final run: let it finish syncing and settle its outbox, then stop it normally.
    const requestsBefore = new Map(phone.sendRequests)
    agent = startAgent(dataDir, phone)
    await agent.waitFor('settled', 120_000)
    agent.child.kill('SIGTERM')
    await agent.exited()

    const archive = openArchive(join(dataDir, 'archive.sqlite'), { clock: Date.now })
    try {
      expect(archive.searchIndex.check()).toEqual({ sqlite: ['ok'], fts: 'ok' })
      const device = archive.devices.list()[0]!
      const stored = (await storedCounts(archive, device.id)).messages
      // Every message the phone has (history + the texts that reached its radio) exactly once,
      // plus the desktop's own bubbles for texts the phone never received.
      const neverReached = archive.outbox
        .list(device.id, ['unknown', 'queued'])
        .filter((e) => !phone.sendRequests.has(e.sendKey))
      expect(stored).toBe(phone.store.ordered.length + neverReached.length)
      // Nothing acknowledged is lost: every text whose enqueue committed is in the outbox.
      for (const key of queuedKeys) expect(archive.outbox.byKey(device.id, key)).not.toBeNull()
      for (const entry of archive.outbox.list(device.id, OUTBOX_STATES)) {
        const requests = phone.sendRequests.get(entry.sendKey) ?? 0
        if (entry.state === 'unknown') {
          // Left unknown by a crash: the last run did not send it again by itself.
          expect(requests).toBe(requestsBefore.get(entry.sendKey) ?? 0)
        }
      }
      const lost = archive.outbox
        .list(device.id, OUTBOX_STATES)
        .filter((e) => e.body === 'lost in the crash')
      expect(lost.map((e) => e.state)).toEqual(['unknown'])
      expect(phone.sendRequests.has(lost[0]!.sendKey)).toBe(false)
      const states = archive.outbox.list(device.id, OUTBOX_STATES).map((e) => e.state)
      console.log(
        `kill -9 x8: ${stored} messages stored, outbox ${JSON.stringify(states)}, ` +
          `${phone.sendRequests.size} keys reached the phone, ${phone.radioSends} radio sends`,
      )
      // The phone's radio sent each key at most once, however often it was asked.
      expect(phone.radioSends).toBeLessThanOrEqual(phone.sendRequests.size)
    } finally {
      archive.close()
    }
  }, 300_000)
})
