import { describe, expect, it } from 'vitest'
import { generateKeyPair } from '../../crypto/primitives'
import { HandshakeError } from '../errors'
import { PairingInitiator, PairingResponder, peekPairingId } from '../handshake/pairing'
import { QrError } from '../qr'
import { QrIssuer } from './qr-issuer'
import { ScannedQrSlot } from './scanned-slot'

const desktop = generateKeyPair()
const phone = generateKeyPair()

function clock(start = 1_700_000_000_000) {
  let now = start
  return { now: () => now, advance: (ms: number) => (now += ms) }
}

/** The phone's part: take the slot for this attempt, then run the responder. */
function phoneAnswers(slot: ScannedQrSlot, init: Uint8Array): Uint8Array {
  const qr = slot.attempt(peekPairingId(init))
  const responder = new PairingResponder({
    staticKeys: phone,
    payload: { name: 'Phone', id: 'b'.repeat(32) },
    qr,
    desktopStatic: qr.desktopStatic,
  })
  responder.readInit(init)
  return responder.writeResp()
}

function desktopStarts(issuer: QrIssuer, secret?: Uint8Array) {
  const qr = issuer.claim()
  if (qr === null) throw new Error('no QR to claim')
  const initiator = new PairingInitiator({
    staticKeys: desktop,
    payload: { name: 'Laptop', id: 'a'.repeat(32) },
    qr: { pairingId: qr.payload.pairingId, secret: secret ?? qr.payload.secret },
  })
  return { initiator, init: initiator.writeInit() }
}

describe('QR pairing secrets', () => {
  it('pair end to end through the issuer and the scanned slot', () => {
    const t = clock()
    const issuer = new QrIssuer({ staticKeys: desktop, name: 'Laptop', now: t.now })
    const slot = new ScannedQrSlot(t.now)
    const shown = issuer.current()
    slot.scan(shown.uri)
    expect(slot.tag()).toBe(shown.tag)
    const { initiator, init } = desktopStarts(issuer)
    const result = initiator.readResp(phoneAnswers(slot, init))
    expect(result.remoteStatic).toEqual(phone.publicKey)
    expect(slot.tag()).toBeNull()
  })

  it('are single use on the desktop: a claimed QR is replaced and cannot be claimed again', () => {
    const t = clock()
    const issuer = new QrIssuer({ staticKeys: desktop, name: 'Laptop', now: t.now })
    const first = issuer.current()
    expect(issuer.current()).toBe(first)
    expect(issuer.claim()).toBe(first)
    expect(issuer.claim()).toBeNull()
    expect(issuer.current().uri).not.toBe(first.uri)
  })

  it('are single use on the phone: a second attempt with the same QR is refused', () => {
    const t = clock()
    const issuer = new QrIssuer({ staticKeys: desktop, name: 'Laptop', now: t.now })
    const slot = new ScannedQrSlot(t.now)
    slot.scan(issuer.current().uri)
    const { init } = desktopStarts(issuer)
    phoneAnswers(slot, init)
    expect(() => phoneAnswers(slot, init)).toThrow(HandshakeError)
  })

  it('expire on the desktop after 120 s and rotate', () => {
    const t = clock()
    const issuer = new QrIssuer({ staticKeys: desktop, name: 'Laptop', now: t.now })
    const first = issuer.current()
    t.advance(119_000)
    expect(issuer.current()).toBe(first)
    t.advance(1_000)
    expect(issuer.claim()).toBeNull()
    expect(issuer.current().uri).not.toBe(first.uri)
  })

  it('expire on the phone: an old QR is refused at scan, and a held one lapses', () => {
    const t = clock()
    const issuer = new QrIssuer({ staticKeys: desktop, name: 'Laptop', now: t.now })
    const shown = issuer.current()
    const uri = shown.uri
    const later = new ScannedQrSlot(() => t.now() + 151_000)
    expect(() => later.scan(uri)).toThrow(QrError)
    const slot = new ScannedQrSlot(t.now)
    slot.scan(uri)
    t.advance(120_000)
    expect(slot.tag()).toBeNull()
    expect(() => slot.attempt(shown.payload.pairingId)).toThrow(HandshakeError)
  })

  it('are burnt by one wrong attempt: the right secret afterwards is refused', () => {
    const t = clock()
    const issuer = new QrIssuer({ staticKeys: desktop, name: 'Laptop', now: t.now })
    const slot = new ScannedQrSlot(t.now)
    const shown = issuer.current()
    slot.scan(shown.uri)
    // An attacker who learnt the pairing id (not the secret) tries first.
    const wrong = new PairingInitiator({
      staticKeys: generateKeyPair(),
      payload: { name: 'Evil', id: 'c'.repeat(32) },
      qr: { pairingId: shown.payload.pairingId, secret: new Uint8Array(32) },
    }).writeInit()
    expect(() => phoneAnswers(slot, wrong)).toThrow(
      expect.objectContaining({ code: 'decrypt_failed' }),
    )
    const { init } = desktopStarts(issuer)
    expect(() => phoneAnswers(slot, init)).toThrow(
      expect.objectContaining({ code: 'no_pending_pairing' }),
    )
  })

  it('are not burnt by a stranger who names another pairing id', () => {
    const t = clock()
    const issuer = new QrIssuer({ staticKeys: desktop, name: 'Laptop', now: t.now })
    const slot = new ScannedQrSlot(t.now)
    slot.scan(issuer.current().uri)
    const stranger = new PairingInitiator({
      staticKeys: generateKeyPair(),
      payload: { name: 'Evil', id: 'c'.repeat(32) },
      qr: { pairingId: new Uint8Array(16).fill(1), secret: new Uint8Array(32) },
    }).writeInit()
    expect(() => phoneAnswers(slot, stranger)).toThrow(
      expect.objectContaining({ code: 'no_pending_pairing' }),
    )
    const { initiator, init } = desktopStarts(issuer)
    expect(initiator.readResp(phoneAnswers(slot, init)).sas).toMatch(/^\d{6}$/)
  })

  it('burn the desktop QR when the phone’s answer fails', () => {
    const t = clock()
    const issuer = new QrIssuer({ staticKeys: desktop, name: 'Laptop', now: t.now })
    const shown = issuer.current()
    const { initiator } = desktopStarts(issuer)
    expect(() => initiator.readResp(new Uint8Array(120).fill(1))).toThrow(HandshakeError)
    expect(issuer.claim()).toBeNull()
    expect(issuer.current().uri).not.toBe(shown.uri)
  })
})
