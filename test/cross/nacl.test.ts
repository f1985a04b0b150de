// Thousands of random box/secretbox round trips must agree both ways between tweetnacl (the
// desktop) and the phone's Bouncy Castle NaCl wrapper, plus X25519 and tampering.
import nacl from 'tweetnacl'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fromHex, toHex } from '../../shared/bytes'
import {
  ensurePhoneJar,
  javaUnavailable,
  PHONE_JAR,
  spawnJsonLines,
  type JsonLines,
} from '../support/java-runner'

const skip = javaUnavailable()
if (skip !== null) console.warn(`cross-language NaCl test skipped: ${skip}`)

const ROUNDS = 1500
let java: JsonLines

function randomLength(i: number): number {
  // Mostly small messages, some around block boundaries, a few large ones.
  return i % 50 === 0 ? 4096 + (i % 700) : (i * 7919) % 300
}

async function ask(request: Record<string, string>): Promise<string | null> {
  java.send(request)
  const answer = await java.next<{ out?: string | null; error?: string }>()
  if (answer.error !== undefined) throw new Error(answer.error)
  return answer.out ?? null
}

describe.skipIf(skip !== null)('NaCl agrees between TypeScript and Java', () => {
  beforeAll(() => {
    ensurePhoneJar()
    java = spawnJsonLines(['-cp', PHONE_JAR, 'app.textbridge.runner.NaclCheck'])
  }, 600_000)
  afterAll(() => java.stop())

  it(`secretbox: ${ROUNDS} random messages seal to the same bytes and open both ways`, async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const key = nacl.randomBytes(32)
      const nonce = nacl.randomBytes(24)
      const msg = nacl.randomBytes(randomLength(i))
      const ours = nacl.secretbox(msg, nonce, key)
      const theirs = await ask({
        op: 'secretbox',
        key: toHex(key),
        nonce: toHex(nonce),
        msg: toHex(msg),
      })
      expect(theirs).toBe(toHex(ours))
      const opened = nacl.secretbox.open(fromHex(theirs ?? ''), nonce, key)
      expect(opened === null ? null : toHex(opened)).toBe(toHex(msg))
      const tampered = ours.slice()
      tampered[i % tampered.length] = (tampered[i % tampered.length] ?? 0) ^ 1
      expect(
        await ask({
          op: 'secretbox_open',
          key: toHex(key),
          nonce: toHex(nonce),
          box: toHex(tampered),
        }),
      ).toBeNull()
    }
  }, 300_000)

  it(`box: ${ROUNDS} random key pairs agree, and each side opens the other's box`, async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const alice = nacl.box.keyPair()
      const bob = nacl.box.keyPair()
      const nonce = nacl.randomBytes(24)
      const msg = nacl.randomBytes(randomLength(i))
      const ours = nacl.box(msg, nonce, bob.publicKey, alice.secretKey)
      const theirs = await ask({
        op: 'box',
        pk: toHex(bob.publicKey),
        sk: toHex(alice.secretKey),
        nonce: toHex(nonce),
        msg: toHex(msg),
      })
      expect(theirs).toBe(toHex(ours))
      const openedByJava = await ask({
        op: 'box_open',
        pk: toHex(alice.publicKey),
        sk: toHex(bob.secretKey),
        nonce: toHex(nonce),
        box: toHex(ours),
      })
      expect(openedByJava).toBe(toHex(msg))
    }
  }, 300_000)

  it('X25519 agrees on random keys and both refuse a low-order point', async () => {
    for (let i = 0; i < 300; i++) {
      const a = nacl.box.keyPair()
      const b = nacl.box.keyPair()
      const shared = await ask({ op: 'scalarmult', sk: toHex(a.secretKey), pk: toHex(b.publicKey) })
      expect(shared).toBe(toHex(nacl.scalarMult(a.secretKey, b.publicKey)))
    }
    java.send({ op: 'scalarmult', sk: toHex(nacl.randomBytes(32)), pk: '01'.padEnd(64, '0') })
    expect(await java.next()).toEqual({ error: 'low_order_point' })
  }, 120_000)
})
