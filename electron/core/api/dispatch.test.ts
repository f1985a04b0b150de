import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../shared/api/result'
import { silentLogger } from '../log'
import { InvalidInputError, NotFoundError } from '../store'
import { dispatch } from './dispatch'
import type { ApiHandlers } from './handlers'

/** Handlers where conversations.get behaves as `behave` says; the rest are never reached. */
function handlers(behave: () => unknown): ApiHandlers {
  return new Proxy({} as ApiHandlers, {
    get: () => () => Promise.resolve().then(behave),
  })
}

const call = (
  behave: () => unknown,
  method: unknown = 'conversations.get',
  args: unknown = {
    conversationId: 7,
  },
) => dispatch(handlers(behave), method, args, silentLogger)

describe('dispatch', () => {
  it('returns the value of a handler', async () => {
    expect(await call(() => 'value')).toEqual({ ok: true, value: 'value' })
  })

  it('refuses unknown methods and malformed arguments before any handler runs', async () => {
    const never = () => {
      throw new Error('reached')
    }
    expect(await call(never, 'fs.readFile')).toMatchObject({ error: { code: 'invalid_argument' } })
    expect(await call(never, 'conversations.get', { conversationId: '7; DROP' })).toMatchObject({
      error: { code: 'invalid_argument' },
    })
  })

  it("passes on the archive's refusals with their meaning", async () => {
    const missing = await call(() => {
      throw new NotFoundError('outbox_entry', 'row 7')
    })
    expect(missing).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'no such outbox entry' },
    })
    const bad = await call(() => {
      throw new InvalidInputError('bad_cursor')
    })
    expect(bad).toEqual({ ok: false, error: { code: 'invalid_argument', message: 'bad cursor' } })
    const api = await call(() => {
      throw new ApiError('not_connected', 'The phone is not connected.')
    })
    expect(api).toMatchObject({ error: { code: 'not_connected' } })
  })

  it('hides anything else behind a generic internal error', async () => {
    const result = await call(() => {
      throw new Error('SQLITE_CORRUPT: /home/me/.config/textbridge/archive.sqlite')
    })
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Something went wrong. The details are in the log.' },
    })
  })
})
