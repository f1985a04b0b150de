import { describe, expect, it, vi } from 'vitest'
import { bridgeUrl, takeWebToken, type TokenPlace } from './web-token'

const TOKEN = 'Zm9vYmFyYmF6cXV4cXV1eDEyMzQ1Njc4OTA'

function place(hash: string, stored: string | null = null) {
  const storage = new Map<string, string>()
  if (stored !== null) storage.set('textbridge.token', stored)
  const replaceState = vi.fn()
  const p: TokenPlace = {
    location: { hash, pathname: '/', search: '' },
    history: { replaceState },
    storage: {
      getItem: (k) => storage.get(k) ?? null,
      setItem: (k, v) => storage.set(k, v),
    },
  }
  return { p, storage, replaceState }
}

describe('takeWebToken', () => {
  it('takes the token from the hash, removes it from the address bar and keeps it', () => {
    const { p, storage, replaceState } = place(`#token=${TOKEN}`)
    expect(takeWebToken(p)).toBe(TOKEN)
    expect(replaceState).toHaveBeenCalledWith(null, '', '/')
    expect(storage.get('textbridge.token')).toBe(TOKEN)
  })

  it('uses the kept token after a reload (no hash)', () => {
    const { p, replaceState } = place('', TOKEN)
    expect(takeWebToken(p)).toBe(TOKEN)
    expect(replaceState).not.toHaveBeenCalled()
  })

  it('returns null without a token, and ignores a malformed one', () => {
    expect(takeWebToken(place('').p)).toBeNull()
    const bad = place('#token=<script>')
    expect(takeWebToken(bad.p)).toBeNull()
    expect(bad.replaceState).toHaveBeenCalled()
  })

  it('builds the bridge URL on the page’s own host and port', () => {
    expect(bridgeUrl({ host: '127.0.0.1:4321' }, TOKEN)).toBe(
      `ws://127.0.0.1:4321/bridge?token=${TOKEN}`,
    )
  })
})
