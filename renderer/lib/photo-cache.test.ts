import { describe, expect, it, vi } from 'vitest'
import { PhotoCache } from './photo-cache'

const PNG = { mime: 'image/png', data: 'iVBORw0KGgo=' }

describe('PhotoCache', () => {
  it('fetches a contact once, even when several rows ask at the same time', async () => {
    const cache = new PhotoCache()
    const fetch = vi.fn(() => Promise.resolve(PNG))
    const [a, b] = await Promise.all([cache.load('d/c:1', fetch), cache.load('d/c:1', fetch)])
    expect(a).toBe('data:image/png;base64,iVBORw0KGgo=')
    expect(b).toBe(a)
    expect(await cache.load('d/c:1', fetch)).toBe(a)
    expect(cache.peek('d/c:1')).toBe(a)
    expect(fetch).toHaveBeenCalledTimes(1)
  })

  it('remembers that a contact has no photo', async () => {
    const cache = new PhotoCache()
    const fetch = vi.fn(() => Promise.resolve(null))
    expect(await cache.load('d/c:2', fetch)).toBeNull()
    expect(cache.peek('d/c:2')).toBeNull()
    await cache.load('d/c:2', fetch)
    expect(fetch).toHaveBeenCalledTimes(1)
  })

  it('shows only pictures the window draws, from well-formed base64', async () => {
    const cache = new PhotoCache()
    const svg = { mime: 'image/svg+xml', data: 'PHN2Zz4=' }
    expect(await cache.load('a', () => Promise.resolve(svg))).toBeNull()
    const injected = { mime: 'image/png', data: 'AAAA");background:url(x' }
    expect(await cache.load('b', () => Promise.resolve(injected))).toBeNull()
  })

  it('turns a failed fetch into initials, and asks again after the entry expires', async () => {
    let now = 0
    const cache = new PhotoCache(10, 1000, () => now)
    expect(await cache.load('k', () => Promise.reject(new Error('not_connected')))).toBeNull()
    now = 500
    expect(cache.peek('k')).toBeNull()
    now = 1600
    expect(cache.peek('k')).toBeUndefined()
    expect(await cache.load('k', () => Promise.resolve(PNG))).toContain('data:image/png')
  })

  it('keeps at most its limit, dropping the least recently used', async () => {
    const cache = new PhotoCache(2)
    const fetch = () => Promise.resolve(PNG)
    await cache.load('a', fetch)
    await cache.load('b', fetch)
    cache.peek('a') // a is now the most recently used
    await cache.load('c', fetch)
    expect(cache.peek('b')).toBeUndefined()
    expect(cache.peek('a')).not.toBeUndefined()
    expect(cache.peek('c')).not.toBeUndefined()
  })
})
