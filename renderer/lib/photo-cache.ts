// Contact photos for avatars: fetched once per contact, kept as data: URLs (a thumbnail is a few
// kilobytes, and unlike blob: URLs nothing has to be revoked when a row scrolls away). Bounded,
// least recently used first out, and refreshed after a while so a photo changed on the phone
// shows up without a restart. Concurrent requests for one contact share one fetch.
import { isShownImage } from './blob'

export interface PhotoBytes {
  readonly mime: string
  readonly data: string
}

interface Entry {
  readonly url: string | null
  readonly at: number
}

export class PhotoCache {
  private readonly entries = new Map<string, Entry>()
  private readonly pending = new Map<string, Promise<string | null>>()

  constructor(
    private readonly limit = 400,
    private readonly maxAgeMs = 10 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached URL (null: the contact has no photo), or undefined when it must be loaded. */
  peek(key: string): string | null | undefined {
    const entry = this.entries.get(key)
    if (entry === undefined) return undefined
    if (this.now() - entry.at > this.maxAgeMs) {
      this.entries.delete(key)
      return undefined
    }
    // Re-inserting moves the key to the end: the map's order is the LRU order.
    this.entries.delete(key)
    this.entries.set(key, entry)
    return entry.url
  }

  load(key: string, fetch: () => Promise<PhotoBytes | null>): Promise<string | null> {
    const cached = this.peek(key)
    if (cached !== undefined) return Promise.resolve(cached)
    const inFlight = this.pending.get(key)
    if (inFlight !== undefined) return inFlight
    const loading = fetch()
      .then((photo) => toUrl(photo))
      // No photo for now (unknown contact, phone data refused): initials, and try again later.
      .catch(() => null)
      .then((url) => {
        this.pending.delete(key)
        this.store(key, url)
        return url
      })
    this.pending.set(key, loading)
    return loading
  }

  private store(key: string, url: string | null): void {
    this.entries.delete(key)
    this.entries.set(key, { url, at: this.now() })
    while (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next().value
      if (oldest === undefined) break
      this.entries.delete(oldest)
    }
  }
}

function toUrl(photo: PhotoBytes | null): string | null {
  if (photo === null || !isShownImage(photo.mime) || !/^[A-Za-z0-9+/]*={0,2}$/.test(photo.data)) {
    return null
  }
  return `data:${photo.mime};base64,${photo.data}`
}
