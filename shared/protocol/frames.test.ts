import { describe, expect, it } from 'vitest'
import { utf8 } from '../bytes'
import { generateKeyPair } from '../crypto/primitives'
import { CloseCode, MAX_FRAME_BYTES, MAX_PLAINTEXT_BYTES } from './constants'
import { FrameError } from './errors'
import { frameCiphers, FrameOpener, FrameSealer } from './frames'
import { ReconnectInitiator, ReconnectResponder } from './handshake/reconnect'
import type { TransportKeys } from './handshake/symmetric'

const desktopKeys = generateKeyPair()
const phoneKeys = generateKeyPair()

function newSession(): TransportKeys {
  const d = new ReconnectInitiator({
    staticKeys: desktopKeys,
    payload: {},
    phoneStatic: phoneKeys.publicKey,
  })
  const p = new ReconnectResponder({
    staticKeys: phoneKeys,
    payload: {},
    isPairedDesktop: () => true,
  })
  p.readInit(d.writeInit())
  return d.readResp(p.writeResp()).keys
}

function expectFrameError(fn: () => unknown, code: string, close: CloseCode): void {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(FrameError)
    expect((e as FrameError).code).toBe(code)
    expect((e as FrameError).closeCode).toBe(close)
    return
  }
  throw new Error('expected a FrameError')
}

describe('frames', () => {
  it('carry messages each way with separate keys and counters', () => {
    const keys = newSession()
    const desktop = frameCiphers(keys, 'desktop')
    const phone = frameCiphers(keys, 'phone')
    for (let i = 0; i < 50; i++) {
      expect(phone.opener.open(desktop.sealer.seal(utf8(`d${i}`)))).toEqual(utf8(`d${i}`))
      expect(desktop.opener.open(phone.sealer.seal(utf8(`p${i}`)))).toEqual(utf8(`p${i}`))
    }
    // A frame sealed by one direction never opens as the other direction.
    const own = new FrameOpener(keys.desktopToPhone)
    expectFrameError(
      () => own.open(phone.sealer.seal(utf8('x'))),
      'decrypt_failed',
      CloseCode.DecryptFailed,
    )
  })

  it('close on a replayed frame and deliver nothing after it', () => {
    const keys = newSession()
    const sealer = new FrameSealer(keys.desktopToPhone)
    const opener = new FrameOpener(keys.desktopToPhone)
    const f0 = sealer.seal(utf8('first'))
    const f1 = sealer.seal(utf8('second'))
    opener.open(f0)
    expectFrameError(() => opener.open(f0), 'decrypt_failed', CloseCode.DecryptFailed)
    expectFrameError(() => opener.open(f1), 'decrypt_failed', CloseCode.DecryptFailed)
  })

  it('close on a reordered or dropped frame', () => {
    const keys = newSession()
    const sealer = new FrameSealer(keys.desktopToPhone)
    const frames = [0, 1, 2].map((i) => sealer.seal(utf8(`m${i}`)))
    const reordered = new FrameOpener(keys.desktopToPhone)
    expectFrameError(() => reordered.open(frames[1]!), 'decrypt_failed', CloseCode.DecryptFailed)
    const dropped = new FrameOpener(keys.desktopToPhone)
    dropped.open(frames[0]!)
    expectFrameError(() => dropped.open(frames[2]!), 'decrypt_failed', CloseCode.DecryptFailed)
  })

  it('from session N never open in session N+1', () => {
    const n = newSession()
    const next = newSession()
    const old = new FrameSealer(n.desktopToPhone).seal(utf8('hello'))
    expectFrameError(
      () => new FrameOpener(next.desktopToPhone).open(old),
      'decrypt_failed',
      CloseCode.DecryptFailed,
    )
  })

  it('close on any flipped bit', () => {
    const keys = newSession()
    const frame = new FrameSealer(keys.phoneToDesktop).seal(utf8('{"type":"ping"}'))
    for (let bit = 0; bit < frame.length * 8; bit++) {
      const copy = frame.slice()
      copy[bit >> 3] = (copy[bit >> 3] ?? 0) ^ (1 << (bit & 7))
      expectFrameError(
        () => new FrameOpener(keys.phoneToDesktop).open(copy),
        'decrypt_failed',
        CloseCode.DecryptFailed,
      )
    }
  })

  it('refuse oversized frames before decrypting, and oversized plaintext before sealing', () => {
    const keys = newSession()
    const opener = new FrameOpener(keys.desktopToPhone)
    expectFrameError(
      () => opener.open(new Uint8Array(MAX_FRAME_BYTES + 1)),
      'too_large',
      CloseCode.TooLarge,
    )
    const sealer = new FrameSealer(keys.desktopToPhone)
    expectFrameError(
      () => sealer.seal(new Uint8Array(MAX_PLAINTEXT_BYTES + 1)),
      'too_large',
      CloseCode.TooLarge,
    )
    const biggest = sealer.seal(new Uint8Array(MAX_PLAINTEXT_BYTES))
    expect(biggest.length).toBe(MAX_FRAME_BYTES)
    expect(new FrameOpener(keys.desktopToPhone).open(biggest).length).toBe(MAX_PLAINTEXT_BYTES)
  })

  it('refuse truncated frames shorter than a tag', () => {
    const keys = newSession()
    expectFrameError(
      () => new FrameOpener(keys.desktopToPhone).open(new Uint8Array(5)),
      'decrypt_failed',
      CloseCode.DecryptFailed,
    )
  })
})
