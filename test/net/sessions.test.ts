import { afterEach, describe, expect, it } from 'vitest'
import { utf8 } from '../../shared/bytes'
import { generateKeyPair } from '../../shared/crypto/primitives'
import { CloseCode, encodeMessage, message, MAX_FRAME_BYTES } from '../../shared/protocol'
import {
  closeOf,
  DESKTOP_HELLO,
  openOf,
  rawReconnect,
  rawSocket,
  startPhone,
  type PhoneFixture,
} from '../support/phone-fixture'
import { silentLogger } from '../../electron/core/log'
import { dialPhone } from '../../electron/core/net/dial'
import { ConnectionError, RemoteError } from '../../electron/core/net/errors'

let phone: PhoneFixture | null = null
afterEach(async () => {
  await phone?.stop()
  phone = null
})

function dialReconnect(p: PhoneFixture, phoneStatic = p.phoneKeys.publicKey, keys = p.desktopKeys) {
  return dialPhone({
    host: '127.0.0.1',
    port: p.port,
    handshake: { kind: 'reconnect', staticKeys: keys, phoneStatic },
    hello: DESKTOP_HELLO,
    log: silentLogger,
  })
}

async function expectRefused(promise: Promise<unknown>, code: string, closeCode: number) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ConnectionError)
  expect((error as ConnectionError).code).toBe(code)
  expect((error as ConnectionError).closeCode).toBe(closeCode)
}

describe('desktop ↔ phone sessions over loopback', () => {
  it('pair with the scanned QR, show the same code, exchange hellos and requests', async () => {
    phone = await startPhone()
    const shown = phone.issuer.current()
    phone.scanned.scan(shown.uri)
    const claimed = phone.issuer.claim(shown.tag)!
    const { session, result } = await dialPhone({
      host: '127.0.0.1',
      port: phone.port,
      handshake: {
        kind: 'pair',
        staticKeys: phone.desktopKeys,
        qr: { pairingId: claimed.payload.pairingId, secret: claimed.payload.secret },
        payload: { name: 'Test desktop', id: 'e'.repeat(32) },
      },
      hello: DESKTOP_HELLO,
      log: silentLogger,
    })
    expect((await session.ready).role).toBe('phone')
    const accepted = phone.sessions[0]!
    expect(accepted.kind).toBe('pair')
    expect(accepted.kind === 'pair' && accepted.result.sas).toBe('sas' in result && result.sas)
    accepted.session.onMessage((m) => {
      if (m.type === 'contacts.request') {
        accepted.session.send(
          message('contacts.batch', { contacts: [], cursor: null, total: 0 }, { ref: m.id! }),
        )
      }
    })
    const reply = await session.call(
      'contacts.request',
      { cursor: null, limit: 10, photos: false },
      'contacts.batch',
    )
    expect(reply.body.total).toBe(0)
    session.close()
  })

  it('reconnect with pinned keys; a second connection gets fresh keys', async () => {
    phone = await startPhone()
    const a = await dialReconnect(phone)
    const b = await dialReconnect(phone)
    expect(a.result.keys.desktopToPhone).not.toEqual(b.result.keys.desktopToPhone)
    await Promise.all([a.session.ready, b.session.ready])
    a.session.close()
    b.session.close()
  })

  it('refuse a phone that does not hold the pinned key, leaving nothing established', async () => {
    phone = await startPhone()
    await expectRefused(
      dialReconnect(phone, generateKeyPair().publicKey),
      'refused',
      CloseCode.HandshakeFailed,
    )
    expect(phone.sessions).toHaveLength(0)
  })

  it('refuse a desktop the phone has not paired (4006)', async () => {
    phone = await startPhone()
    await expectRefused(
      dialReconnect(phone, phone.phoneKeys.publicKey, generateKeyPair()),
      'refused',
      CloseCode.UnknownPeer,
    )
  })

  it('refuse a pairing attempt when no QR was scanned (4008)', async () => {
    phone = await startPhone()
    const qr = phone.issuer.current()
    await expectRefused(
      dialPhone({
        host: '127.0.0.1',
        port: phone.port,
        handshake: {
          kind: 'pair',
          staticKeys: phone.desktopKeys,
          qr: { pairingId: qr.payload.pairingId, secret: qr.payload.secret },
          payload: { name: 'x', id: 'e'.repeat(32) },
        },
        hello: DESKTOP_HELLO,
        log: silentLogger,
      }),
      'refused',
      CloseCode.NoPendingPairing,
    )
  })

  it('report an unreachable phone distinctly', async () => {
    await expectRefused(
      dialPhone({
        host: '127.0.0.1',
        port: 1,
        handshake: {
          kind: 'reconnect',
          staticKeys: generateKeyPair(),
          phoneStatic: generateKeyPair().publicKey,
        },
        hello: DESKTOP_HELLO,
        log: silentLogger,
      }),
      'unreachable',
      undefined as unknown as number,
    )
  })

  it('answer an unknown type with error unknown_type and keep the session', async () => {
    phone = await startPhone()
    const raw = await rawReconnect(phone)
    expect(new TextDecoder().decode(raw.opener.open(await raw.next()))).toContain('"type":"hello"')
    raw.ws.send(raw.sealer.seal(encodeMessage(message('hello', DESKTOP_HELLO), 'desktop')))
    raw.ws.send(raw.sealer.seal(utf8('{"type":"schedule.create","v":1,"id":"q1","body":{}}')))
    expect(new TextDecoder().decode(raw.opener.open(await raw.next()))).toBe(
      '{"type":"error","v":1,"ref":"q1","body":{"code":"unknown_type"}}',
    )
    raw.ws.send(raw.sealer.seal(utf8('{"type":"ping","v":7,"id":"q2","body":{}}')))
    expect(new TextDecoder().decode(raw.opener.open(await raw.next()))).toBe(
      '{"type":"error","v":1,"ref":"q2","body":{"code":"unsupported_version"}}',
    )
    raw.ws.send(raw.sealer.seal(encodeMessage(message('ping', { ts: 5 }, { id: 'q3' }), 'desktop')))
    expect(new TextDecoder().decode(raw.opener.open(await raw.next()))).toBe(
      '{"type":"pong","v":1,"ref":"q3","body":{"ts":5}}',
    )
    raw.ws.close()
  })

  it('reject a request the peer answers with an error', async () => {
    phone = await startPhone()
    const { session } = await dialReconnect(phone)
    await session.ready
    const accepted = phone.sessions[0]!
    accepted.session.onMessage((m) => {
      if (m.type === 'attachment.request') {
        accepted.session.send(message('error', { code: 'not_found' }, { ref: m.id! }))
      }
    })
    await expect(
      session.request('attachment.request', { partId: 'mms:1:1', offset: 0, length: 10 }),
    ).rejects.toBeInstanceOf(RemoteError)
    session.close()
  })
})

describe('the phone refuses misbehaving sockets with the documented codes', () => {
  it('a replayed frame closes the session with 4004', async () => {
    phone = await startPhone()
    const raw = await rawReconnect(phone)
    const hello = raw.sealer.seal(encodeMessage(message('hello', DESKTOP_HELLO), 'desktop'))
    const closed = closeOf(raw.ws)
    raw.ws.send(hello)
    raw.ws.send(hello)
    expect((await closed).code).toBe(CloseCode.DecryptFailed)
  })

  it('a first frame other than hello closes with 4000', async () => {
    phone = await startPhone()
    const raw = await rawReconnect(phone)
    const closed = closeOf(raw.ws)
    raw.ws.send(raw.sealer.seal(encodeMessage(message('ping', { ts: 1 }), 'desktop')))
    expect((await closed).code).toBe(CloseCode.ProtocolError)
  })

  it('malformed JSON inside a valid frame closes with 4000', async () => {
    phone = await startPhone()
    const raw = await rawReconnect(phone)
    const closed = closeOf(raw.ws)
    raw.ws.send(raw.sealer.seal(utf8('{"type":')))
    expect((await closed).code).toBe(CloseCode.ProtocolError)
  })

  it('a frame over the cap closes with 1009 before decryption', async () => {
    phone = await startPhone()
    const raw = await rawReconnect(phone)
    const closed = closeOf(raw.ws)
    raw.ws.send(new Uint8Array(MAX_FRAME_BYTES + 1))
    expect((await closed).code).toBe(CloseCode.TooLarge)
  })

  it('a text frame closes with 4000', async () => {
    phone = await startPhone()
    const ws = rawSocket(phone.port)
    await openOf(ws)
    const closed = closeOf(ws)
    ws.send('hello')
    expect((await closed).code).toBe(CloseCode.ProtocolError)
  })

  it('an oversized first handshake message closes with 4000, a wrong version with 4002', async () => {
    phone = await startPhone()
    const big = rawSocket(phone.port)
    await openOf(big)
    const bigClosed = closeOf(big)
    big.send(new Uint8Array(4097).fill(1))
    expect((await bigClosed).code).toBe(CloseCode.ProtocolError)
    const v2 = rawSocket(phone.port)
    await openOf(v2)
    const v2Closed = closeOf(v2)
    v2.send(Uint8Array.of(2, 3, ...new Uint8Array(98)))
    expect((await v2Closed).code).toBe(CloseCode.UnsupportedVersion)
  })

  it('a socket without the subprotocol is refused', async () => {
    phone = await startPhone()
    const ws = rawSocket(phone.port, 'chat')
    const closed = new Promise((resolve) => ws.once('error', resolve).once('close', resolve))
    await closed
    expect(phone.sessions).toHaveLength(0)
  })

  it('a silent socket is dropped at the handshake deadline (4005)', async () => {
    phone = await startPhone({ handshakeTimeoutMs: 300 })
    const ws = rawSocket(phone.port)
    await openOf(ws)
    const started = Date.now()
    const closed = await closeOf(ws)
    expect(closed.code).toBe(CloseCode.HandshakeTimeout)
    expect(closed.at - started).toBeLessThan(2_000)
  })

  it('a silent peer after the handshake is dropped by keepalive (4011)', async () => {
    phone = await startPhone({ keepaliveTimeoutMs: 300 })
    const raw = await rawReconnect(phone)
    raw.ws.send(raw.sealer.seal(encodeMessage(message('hello', DESKTOP_HELLO), 'desktop')))
    expect((await closeOf(raw.ws)).code).toBe(CloseCode.KeepaliveTimeout)
  })

  it('extra unauthenticated sockets beyond 8 are turned away with 1013', async () => {
    phone = await startPhone({ handshakeTimeoutMs: 2_000 })
    const sockets = Array.from({ length: 8 }, () => rawSocket(phone!.port))
    await Promise.all(sockets.map(openOf))
    const extra = rawSocket(phone.port)
    expect((await closeOf(extra)).code).toBe(CloseCode.TryAgainLater)
    expect(phone.server.pending.max).toBe(8)
    for (const s of sockets) s.terminate()
  })
})
