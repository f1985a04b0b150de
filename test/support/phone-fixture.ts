// A phone-role server on loopback plus the pieces tests need to talk to it, with or without
// the desktop dialer (raw sockets let tests send what a well-behaved client never would).
import WebSocket from 'ws'
import { bytesEqual } from '../../shared/bytes'
import { generateKeyPair, type KeyPair } from '../../shared/crypto/primitives'
import {
  FrameOpener,
  FrameSealer,
  QrIssuer,
  ReconnectInitiator,
  ScannedQrSlot,
  type TransportKeys,
} from '../../shared/protocol'
import { silentLogger } from '../../electron/core/log'
import {
  PhoneServer,
  type AcceptedSession,
  type PhoneServerOptions,
} from '../../electron/demo/phone/phone-server'
import type { HelloBody } from '../../electron/core/net/session'
import { phoneUrl } from '../../electron/core/net/dial'
import { WS_OPTIONS, WS_SUBPROTOCOL } from '../../electron/core/net/socket'

export const PHONE_HELLO: HelloBody = {
  role: 'phone',
  app: 'textbridge-test-phone',
  appVersion: '0',
  protocol: 1,
  capabilities: ['sync', 'send'],
  device: { name: 'Test phone' },
  sims: [],
}

export const DESKTOP_HELLO: HelloBody = {
  role: 'desktop',
  app: 'textbridge-desktop',
  appVersion: '0',
  protocol: 1,
  capabilities: ['sync', 'send'],
  device: { name: 'Test desktop' },
}

export interface PhoneFixture {
  readonly server: PhoneServer
  readonly port: number
  readonly phoneKeys: KeyPair
  readonly desktopKeys: KeyPair
  readonly paired: Uint8Array[]
  readonly scanned: ScannedQrSlot
  readonly issuer: QrIssuer
  readonly sessions: AcceptedSession[]
  stop(): Promise<void>
}

export async function startPhone(
  overrides: Partial<PhoneServerOptions> = {},
): Promise<PhoneFixture> {
  const phoneKeys = generateKeyPair()
  const desktopKeys = generateKeyPair()
  const paired: Uint8Array[] = [desktopKeys.publicKey]
  const scanned = new ScannedQrSlot(Date.now)
  const issuer = new QrIssuer({ staticKeys: desktopKeys, name: 'Test desktop', now: Date.now })
  const sessions: AcceptedSession[] = []
  const server = new PhoneServer({
    host: '127.0.0.1',
    port: 0,
    staticKeys: phoneKeys,
    identity: { name: 'Test phone', id: 'f'.repeat(32) },
    scanned,
    isPairedDesktop: (key) => paired.some((p) => bytesEqual(p, key)),
    hello: () => PHONE_HELLO,
    onSession: (accepted) => sessions.push(accepted),
    log: silentLogger,
    ...overrides,
  })
  const port = await server.start()
  return {
    server,
    port,
    phoneKeys,
    desktopKeys,
    paired,
    scanned,
    issuer,
    sessions,
    stop: () => server.stop(),
  }
}

export function rawSocket(port: number, protocol: string = WS_SUBPROTOCOL): WebSocket {
  return new WebSocket(phoneUrl('127.0.0.1', port), protocol, {
    ...WS_OPTIONS,
    maxPayload: 64 << 20,
  })
}

export function closeOf(ws: WebSocket): Promise<{ code: number; at: number }> {
  return new Promise((resolve) =>
    ws.once('close', (code) => {
      resolve({ code, at: Date.now() })
    }),
  )
}

export function openOf(ws: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    ws.once('open', () => {
      resolve()
    })
    ws.once('error', reject)
  })
}

/** Queues every frame a socket receives, so none is lost between awaits. */
export function frameQueue(ws: WebSocket): () => Promise<Uint8Array> {
  const frames: Uint8Array[] = []
  const waiters: ((frame: Uint8Array) => void)[] = []
  ws.on('message', (data: Buffer) => {
    const frame = new Uint8Array(data)
    const waiter = waiters.shift()
    if (waiter === undefined) frames.push(frame)
    else waiter(frame)
  })
  return () => {
    const frame = frames.shift()
    return frame === undefined
      ? new Promise((resolve) => waiters.push(resolve))
      : Promise.resolve(frame)
  }
}

/** A hand-driven reconnect: returns the socket and the raw frame ciphers of the desktop side. */
export async function rawReconnect(fixture: PhoneFixture): Promise<{
  ws: WebSocket
  sealer: FrameSealer
  opener: FrameOpener
  keys: TransportKeys
  next: () => Promise<Uint8Array>
}> {
  const ws = rawSocket(fixture.port)
  const next = frameQueue(ws)
  await openOf(ws)
  const initiator = new ReconnectInitiator({
    staticKeys: fixture.desktopKeys,
    payload: {},
    phoneStatic: fixture.phoneKeys.publicKey,
  })
  ws.send(initiator.writeInit())
  const keys = initiator.readResp(await next()).keys
  return {
    ws,
    sealer: new FrameSealer(keys.desktopToPhone),
    opener: new FrameOpener(keys.phoneToDesktop),
    keys,
    next,
  }
}
