// 1,000 unauthenticated sockets: the pending count stays bounded, each is dropped within the
// handshake timeout, and memory growth is bounded. Bounded in time: a short handshake deadline and waves of sockets.
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterAll, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/protocol'
import { closeOf, rawSocket, startPhone, type PhoneFixture } from '../support/phone-fixture'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

function heapAfterGc(): number {
  gc()
  gc()
  return process.memoryUsage().heapUsed
}

const DEADLINE_MS = 300
const SOCKETS = 1_000
const WAVE = 50

describe('pre-authentication flood', () => {
  let phone: PhoneFixture | null = null
  afterAll(async () => phone?.stop())

  it('keeps at most 8 pending, drops each socket in time, and does not grow memory', async () => {
    phone = await startPhone({ handshakeTimeoutMs: DEADLINE_MS })
    const before = heapAfterGc()
    const codes = new Map<number, number>()
    let slowest = 0
    for (let sent = 0; sent < SOCKETS; sent += WAVE) {
      const wave = Array.from({ length: WAVE }, () => {
        const opened = Date.now()
        const ws = rawSocket(phone!.port)
        // Half the sockets also send a junk partial handshake byte: it must not change the outcome.
        if (sent % 100 === 0)
          ws.once('open', () => {
            ws.send(Uint8Array.of(1))
          })
        return closeOf(ws).then(({ code, at }) => ({ code, took: at - opened }))
      })
      for (const { code, took } of await Promise.all(wave)) {
        codes.set(code, (codes.get(code) ?? 0) + 1)
        slowest = Math.max(slowest, took)
      }
      expect(phone.server.pending.max).toBeLessThanOrEqual(8)
    }
    const total = [...codes.values()].reduce((a, b) => a + b, 0)
    expect(total).toBe(SOCKETS)
    // Every socket ended with a documented code: busy (1013), deadline (4005), or malformed (4000).
    for (const code of codes.keys()) {
      expect([
        CloseCode.TryAgainLater,
        CloseCode.HandshakeTimeout,
        CloseCode.ProtocolError,
      ]).toContain(code)
    }
    expect(codes.get(CloseCode.HandshakeTimeout) ?? 0).toBeGreaterThan(0)
    expect(slowest).toBeLessThan(DEADLINE_MS + 3_000)
    expect(phone.server.pending.now).toBe(0)
    const grown = heapAfterGc() - before
    console.log(
      `preauth flood: ${JSON.stringify(Object.fromEntries(codes))}, slowest ${slowest} ms, heap +${(grown / 1e6).toFixed(1)} MB`,
    )
    expect(grown).toBeLessThan(32e6)
  }, 120_000)
})
