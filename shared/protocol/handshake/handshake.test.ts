import { describe, expect, it, vi } from 'vitest'
import { bytesEqual, fromHex } from '../../bytes'
import { generateKeyPair, keyPairFromSecret, type KeyPair } from '../../crypto/primitives'
import { HandshakeError } from '../errors'
import { PairingInitiator, PairingResponder } from './pairing'
import { ReconnectInitiator, ReconnectResponder } from './reconnect'

const desktop = generateKeyPair()
const phone = generateKeyPair()
const qr = { pairingId: new Uint8Array(16).fill(7), secret: new Uint8Array(32).fill(9) }
const desktopPayload = { name: 'Laptop', id: 'a'.repeat(32) }
const phonePayload = { name: 'Phone', id: 'b'.repeat(32) }
// Fixed ephemerals keep the thousands of bit-flip runs fast; they do not weaken what is shown.
const ed = generateKeyPair()
const ep = generateKeyPair()

const pairingInitiator = (secret = qr.secret) =>
  new PairingInitiator({
    staticKeys: desktop,
    payload: desktopPayload,
    qr: { ...qr, secret },
    ephemeral: ed,
  })
const pairingResponder = () =>
  new PairingResponder({
    staticKeys: phone,
    payload: phonePayload,
    qr,
    desktopStatic: desktop.publicKey,
    ephemeral: ep,
  })
const reconnectInitiator = (pinned = phone.publicKey, keys: KeyPair = desktop) =>
  new ReconnectInitiator({ staticKeys: keys, payload: {}, phoneStatic: pinned, ephemeral: ed })
const reconnectResponder = (isPaired = (k: Uint8Array) => bytesEqual(k, desktop.publicKey)) =>
  new ReconnectResponder({
    staticKeys: phone,
    payload: {},
    isPairedDesktop: isPaired,
    ephemeral: ep,
  })

function flipped(message: Uint8Array, bit: number): Uint8Array {
  const copy = message.slice()
  copy[bit >> 3] = (copy[bit >> 3] ?? 0) ^ (1 << (bit & 7))
  return copy
}

function expectHandshakeError(fn: () => unknown, code?: string): void {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(HandshakeError)
    if (code !== undefined) expect((e as HandshakeError).code).toBe(code)
    return
  }
  throw new Error('handshake step succeeded but should have failed')
}

describe('pairing handshake', () => {
  it('gives both sides the same keys, short code and each other’s static key', () => {
    const d = pairingInitiator()
    const p = pairingResponder()
    expect(p.readInit(d.writeInit())).toEqual(desktopPayload)
    const result = d.readResp(p.writeResp())
    const phoneResult = p.result()
    expect(result.keys).toEqual(phoneResult.keys)
    expect(result.sas).toMatch(/^\d{6}$/)
    expect(result.sas).toBe(phoneResult.sas)
    expect(result.remoteStatic).toEqual(phone.publicKey)
    expect(phoneResult.remoteStatic).toEqual(desktop.publicKey)
    expect(result.remotePayload).toEqual(phonePayload)
    expect(result.keys.desktopToPhone).not.toEqual(result.keys.phoneToDesktop)
  })

  it('fails on the phone, before any prompt, without the QR secret', () => {
    const init = pairingInitiator(new Uint8Array(32).fill(1)).writeInit()
    expectHandshakeError(() => pairingResponder().readInit(init), 'decrypt_failed')
  })

  it('fails for every single flipped bit of PAIR_INIT', () => {
    const init = pairingInitiator().writeInit()
    for (let bit = 0; bit < init.length * 8; bit++) {
      const p = pairingResponder()
      expectHandshakeError(() => p.readInit(flipped(init, bit)))
      expectHandshakeError(() => p.writeResp(), 'wrong_state')
    }
  })

  it('fails for every single flipped bit of PAIR_RESP, leaving the desktop with no session', () => {
    const init = pairingInitiator().writeInit()
    const p = pairingResponder()
    p.readInit(init)
    const resp = p.writeResp()
    for (let bit = 0; bit < resp.length * 8; bit++) {
      const d = pairingInitiator()
      d.writeInit()
      expectHandshakeError(() => d.readResp(flipped(resp, bit)))
    }
  })

  it('refuses a low-order ephemeral from a peer that knows the secret', () => {
    const lowOrder = fromHex('0100000000000000000000000000000000000000000000000000000000000000')
    // A peer with the QR secret but a malicious ephemeral: the payload decrypts (MixKey(e) uses
    // the raw bytes) but the first DH with it must be refused.
    const d = new PairingInitiator({
      staticKeys: desktop,
      payload: desktopPayload,
      qr,
      ephemeral: { publicKey: lowOrder, secretKey: ed.secretKey },
    })
    const p = pairingResponder()
    p.readInit(d.writeInit())
    expectHandshakeError(() => p.writeResp(), 'low_order_point')
  })

  it('checks version, kind and length before any cryptography', () => {
    const init = pairingInitiator().writeInit()
    const wrongVersion = init.slice()
    wrongVersion[0] = 2
    expectHandshakeError(() => pairingResponder().readInit(wrongVersion), 'unsupported_version')
    const wrongKind = init.slice()
    wrongKind[1] = 3
    expectHandshakeError(() => pairingResponder().readInit(wrongKind), 'unexpected_message')
    expectHandshakeError(() => pairingResponder().readInit(init.slice(0, 40)), 'bad_length')
    const huge = new Uint8Array(4097)
    huge.set(init)
    expectHandshakeError(() => pairingResponder().readInit(huge), 'bad_length')
  })

  it('names another pairing id as no_pending_pairing, distinct from a failed attempt', () => {
    const init = new PairingInitiator({
      staticKeys: desktop,
      payload: desktopPayload,
      qr: { ...qr, pairingId: new Uint8Array(16) },
    }).writeInit()
    expectHandshakeError(() => pairingResponder().readInit(init), 'no_pending_pairing')
  })

  it('refuses to run a step twice or out of order', () => {
    const d = pairingInitiator()
    d.writeInit()
    expectHandshakeError(() => d.writeInit(), 'wrong_state')
    expectHandshakeError(() => pairingResponder().writeResp(), 'wrong_state')
    expectHandshakeError(() => pairingResponder().result(), 'wrong_state')
  })
})

describe('reconnect handshake', () => {
  it('gives both sides the same fresh session', () => {
    const d = reconnectInitiator()
    const p = reconnectResponder()
    expect(p.readInit(d.writeInit()).desktopStatic).toEqual(desktop.publicKey)
    const r1 = d.readResp(p.writeResp())
    expect(r1.keys).toEqual(p.result().keys)
    const again = new ReconnectInitiator({
      staticKeys: desktop,
      payload: {},
      phoneStatic: phone.publicKey,
    })
    const p2 = new ReconnectResponder({
      staticKeys: phone,
      payload: {},
      isPairedDesktop: () => true,
    })
    p2.readInit(again.writeInit())
    const r2 = again.readResp(p2.writeResp())
    expect(r2.keys.desktopToPhone).not.toEqual(r1.keys.desktopToPhone)
  })

  it('refuses a desktop the phone has not paired, after learning its key', () => {
    const stranger = generateKeyPair()
    const isPaired = vi.fn(() => false)
    const p = reconnectResponder(isPaired)
    expectHandshakeError(
      () => p.readInit(reconnectInitiator(phone.publicKey, stranger).writeInit()),
      'unknown_peer',
    )
    expect(isPaired).toHaveBeenCalledWith(stranger.publicKey)
  })

  it('fails when the phone does not hold the pinned key', () => {
    const impostor = keyPairFromSecret(new Uint8Array(32).fill(3))
    const init = reconnectInitiator(impostor.publicKey).writeInit()
    expectHandshakeError(() => reconnectResponder().readInit(init), 'decrypt_failed')
  })

  it('fails for every single flipped bit of RECONNECT_INIT', () => {
    const init = reconnectInitiator().writeInit()
    const payloadStart = 2 + 32 + 48
    for (let bit = 0; bit < init.length * 8; bit++) {
      const isPaired = vi.fn(() => true)
      expectHandshakeError(() => reconnectResponder(isPaired).readInit(flipped(init, bit)))
      // Before the payload, a flip breaks the encrypted static: the paired list (a read-only
      // lookup) is not even consulted. In the payload, the lookup runs and the payload fails.
      if (bit < payloadStart * 8) expect(isPaired).not.toHaveBeenCalled()
    }
  })

  it('fails for every single flipped bit of RECONNECT_RESP', () => {
    const p = reconnectResponder()
    p.readInit(reconnectInitiator().writeInit())
    const resp = p.writeResp()
    for (let bit = 0; bit < resp.length * 8; bit++) {
      const d = reconnectInitiator()
      d.writeInit()
      expectHandshakeError(() => d.readResp(flipped(resp, bit)))
    }
  })
})
