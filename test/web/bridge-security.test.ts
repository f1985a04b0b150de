// The web-mode bridge accepts only our own page: the right token, Origin and Host. Everything
// else is refused before the core sees a byte.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import type { CoreEvent } from '../../shared/api/events'
import type { ApiHandlers, CoreApi } from '../../electron/core/api/handlers'
import { silentLogger } from '../../electron/core/log'
import { BRIDGE_PATH, startWebHost, type WebHost } from '../../electron/web/web-host'

const calls: string[] = []
const handlers = new Proxy(
  {},
  {
    get: (_t, name: string) => (args: unknown) => {
      calls.push(name)
      return Promise.resolve(name === 'app.info' ? { version: 'test', args } : null)
    },
  },
) as ApiHandlers
const listeners = new Set<(e: CoreEvent) => void>()
const api: CoreApi = {
  handlers,
  onEvent: (l) => {
    listeners.add(l)
    return () => listeners.delete(l)
  },
}

let host: WebHost
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tb-web-'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>')
  host = await startWebHost({ api, staticDir: dir, log: silentLogger })
})
afterAll(() => host.close())

function connect(opts: { token?: string; origin?: string; hostHeader?: string; path?: string }) {
  const token = opts.token ?? host.token
  const url = `ws://127.0.0.1:${host.port}${opts.path ?? BRIDGE_PATH}?token=${encodeURIComponent(token)}`
  return new WebSocket(url, {
    origin: opts.origin ?? `http://127.0.0.1:${host.port}`,
    headers: opts.hostHeader === undefined ? {} : { host: opts.hostHeader },
  })
}

function outcome(ws: WebSocket): Promise<'open' | number> {
  return new Promise((resolve) => {
    ws.once('open', () => {
      resolve('open')
    })
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0)
    })
    ws.once('error', () => {
      resolve(0)
    })
  })
}

describe('web-mode bridge', () => {
  it('serves the renderer on 127.0.0.1 with a strict CSP and prints a tokened URL', async () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}$/)
    const res = await fetch(`http://127.0.0.1:${host.port}/`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect((await fetch(`http://127.0.0.1:${host.port}/../../etc/passwd`)).status).toBe(404)
  })

  it('accepts our own page and answers calls and events', async () => {
    const ws = connect({})
    expect(await outcome(ws)).toBe('open')
    const reply = new Promise<unknown>((resolve) =>
      ws.once('message', (d: Buffer) => {
        resolve(JSON.parse(d.toString()))
      }),
    )
    ws.send(JSON.stringify({ id: 1, method: 'app.info', args: {} }))
    expect(await reply).toEqual({
      id: 1,
      result: { ok: true, value: { version: 'test', args: {} } },
    })
    const event = new Promise<unknown>((resolve) =>
      ws.once('message', (d: Buffer) => {
        resolve(JSON.parse(d.toString()))
      }),
    )
    for (const l of listeners) l({ type: 'open', conversationId: 3 })
    expect(await event).toEqual({ event: { type: 'open', conversationId: 3 } })
    ws.close()
  })

  it('validates arguments before the core runs', async () => {
    const ws = connect({})
    await outcome(ws)
    const before = calls.length
    const reply = new Promise<any>((resolve) =>
      ws.once('message', (d: Buffer) => {
        resolve(JSON.parse(d.toString()))
      }),
    )
    ws.send(
      JSON.stringify({ id: 2, method: 'messages.list', args: { conversationId: -1, limit: 10 } }),
    )
    expect((await reply).result.error.code).toBe('invalid_argument')
    const unknown = new Promise<any>((resolve) =>
      ws.once('message', (d: Buffer) => {
        resolve(JSON.parse(d.toString()))
      }),
    )
    ws.send(JSON.stringify({ id: 3, method: 'constructor', args: {} }))
    expect((await unknown).result.error.code).toBe('invalid_argument')
    expect(calls.length).toBe(before)
    ws.close()
  })

  it.each([
    ['no token', { token: '' }],
    ['a wrong token', { token: 'x'.repeat(43) }],
    ['a foreign origin', { origin: 'https://evil.example' }],
    ['a null origin', { origin: 'null' }],
    ['a rebinding Host', { hostHeader: `evil.example:1234` }],
    ['another path', { path: '/other' }],
  ])('refuses %s with 403', async (_name, opts) => {
    expect(await outcome(connect(opts))).toBe(403)
  })
})
