// Web mode: the same renderer bundle served to a browser on 127.0.0.1 only, talking to the core
// over a WebSocket bridge. The bridge demands the random token from the printed URL and refuses
// any foreign Origin or Host, so a web page open in the same browser cannot reach it (the Host
// check also defeats DNS rebinding).
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import type WebSocketTypes from 'ws'
import { z } from 'zod'
import type { Logger } from '../core/log'
import { dispatch } from '../core/api/dispatch'
import type { CoreApi } from '../core/api/handlers'
import { serveStatic } from './static-files'

export interface WebHostOptions {
  readonly api: CoreApi
  readonly staticDir: string
  readonly log: Logger
  readonly port?: number
}

export interface WebHost {
  readonly url: string
  readonly port: number
  readonly token: string
  close(): Promise<void>
}

export const BRIDGE_PATH = '/bridge'
const MAX_REQUEST_BYTES = 256 * 1024
const requestSchema = z.object({
  id: z.int().min(0),
  method: z.string().max(64),
  args: z.unknown(),
})

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = randomBytes(32).toString('base64url')
  let port = 0
  const http: Server = createServer((request, response) => {
    if (!hostAllowed(request, port)) {
      response.writeHead(421).end()
      return
    }
    void serveStatic(options.staticDir, request, response, port)
  })
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_REQUEST_BYTES,
    perMessageDeflate: false,
  })
  http.on('upgrade', (request: IncomingMessage, socket: Socket, head: Buffer) => {
    const refusal = refuse(request, port, token)
    if (refusal !== null) {
      options.log.log('warn', 'web.bridge_refused', { why: refusal })
      socket.end(`HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n`)
      socket.destroy()
      return
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      bridge(ws, options)
    })
  })
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(options.port ?? 0, '127.0.0.1', resolve)
  })
  port = (http.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: async () => {
      for (const client of wss.clients) client.terminate()
      wss.close()
      await new Promise<void>((resolve) =>
        http.close(() => {
          resolve()
        }),
      )
    },
  }
}

function hostAllowed(request: IncomingMessage, port: number): boolean {
  return (
    request.headers.host === `127.0.0.1:${port}` || request.headers.host === `localhost:${port}`
  )
}

/** Returns why an upgrade is refused, or null to accept it. */
function refuse(request: IncomingMessage, port: number, token: string): string | null {
  const url = new URL(request.url ?? '/', 'http://x')
  if (url.pathname !== BRIDGE_PATH) return 'path'
  if (!hostAllowed(request, port)) return 'host'
  const origin = request.headers.origin
  if (origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`)
    return 'origin'
  const given = Buffer.from(url.searchParams.get('token') ?? '')
  const expected = Buffer.from(token)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'token'
  return null
}

function bridge(ws: WebSocket, options: WebHostOptions): void {
  const unsubscribe = options.api.onEvent((event) => {
    ws.send(JSON.stringify({ event }))
  })
  ws.on('close', unsubscribe)
  ws.on('error', () => undefined)
  ws.on('message', (data, isBinary) => {
    const request = isBinary ? null : requestSchema.safeParse(safeJson(rawText(data)))
    if (request === null || !request.success) {
      ws.close(1008, 'bad request')
      return
    }
    const { id, method, args } = request.data
    void dispatch(options.api.handlers, method, args, options.log).then((result) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id, result }))
    })
  })
}

function rawText(data: WebSocketTypes.RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8')
  return Buffer.from(data instanceof ArrayBuffer ? new Uint8Array(data) : data).toString('utf8')
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
