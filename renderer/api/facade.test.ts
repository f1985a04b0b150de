import { describe, expect, it } from 'vitest'
import type { MethodName } from '../../shared/api/contract'
import { ApiError, type Result } from '../../shared/api/result'
import { createApi, errorText } from './facade'
import type { Transport } from './transport'

function transportReplying(reply: (method: MethodName, args: unknown) => unknown) {
  const calls: { method: MethodName; args: unknown }[] = []
  const transport: Transport = {
    kind: 'electron',
    call: (method, args) => {
      calls.push({ method, args })
      return Promise.resolve(reply(method, args) as Result<unknown>)
    },
    onEvent: () => () => undefined,
    onLinkState: () => () => undefined,
    reconnectNow: () => undefined,
  }
  return { transport, calls }
}

describe('createApi', () => {
  it('has one method per contract entry, grouped by namespace', () => {
    const api = createApi(transportReplying(() => ({ ok: true, value: null })).transport)
    expect(typeof api.messages.send).toBe('function')
    expect(typeof api.conversations.findByAddress).toBe('function')
    expect(typeof api.demo.scanQr).toBe('function')
    expect(Object.keys(api).sort()).toEqual(
      [
        'app',
        'attachments',
        'compose',
        'contacts',
        'conversations',
        'data',
        'demo',
        'devices',
        'links',
        'messages',
        'pairing',
        'search',
        'status',
      ].sort(),
    )
  })

  it('sends the method name and arguments, and returns the value of an ok Result', async () => {
    const { transport, calls } = transportReplying(() => ({ ok: true, value: { answer: 42 } }))
    const api = createApi(transport)
    await expect(api.conversations.markRead({ conversationId: 7 })).resolves.toEqual({
      answer: 42,
    })
    await api.app.info()
    expect(calls).toEqual([
      { method: 'conversations.markRead', args: { conversationId: 7 } },
      { method: 'app.info', args: {} },
    ])
  })

  it('throws ApiError with the code and message of a failed Result', async () => {
    const api = createApi(
      transportReplying(() => ({
        ok: false,
        error: { code: 'not_connected', message: 'The phone is not connected.' },
      })).transport,
    )
    const error: unknown = await api.messages.retry({ messageId: 3 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({
      name: 'ApiError',
      code: 'not_connected',
      message: 'The phone is not connected.',
    })
    expect(errorText(error)).toBe('The phone is not connected.')
  })

  it('refuses a reply that is not a Result, or an unknown error code', async () => {
    for (const reply of [
      undefined,
      { value: 1 },
      { ok: 'yes', value: 1 },
      { ok: false, error: { code: 'teapot', message: 'x' } },
    ]) {
      const api = createApi(transportReplying(() => reply).transport)
      await expect(api.status.get()).rejects.toMatchObject({ code: 'internal' })
    }
  })
})
