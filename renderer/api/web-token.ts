// Web mode's access token arrives once in the address bar (`#token=…`). It is moved out of the
// URL at once (so it is not left in history, bookmarks or screenshots) into sessionStorage,
// which survives a reload of this tab but not a new tab or a browser restart.
const STORAGE_KEY = 'textbridge.token'
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,128}$/

export interface TokenPlace {
  readonly location: Pick<Location, 'hash' | 'pathname' | 'search'>
  readonly history: Pick<History, 'replaceState'>
  readonly storage: Pick<Storage, 'getItem' | 'setItem'>
}

export function takeWebToken(place: TokenPlace): string | null {
  const fromHash = new URLSearchParams(place.location.hash.replace(/^#/, '')).get('token')
  if (fromHash !== null) {
    place.history.replaceState(null, '', place.location.pathname + place.location.search)
    if (TOKEN_PATTERN.test(fromHash)) {
      place.storage.setItem(STORAGE_KEY, fromHash)
      return fromHash
    }
  }
  const stored = place.storage.getItem(STORAGE_KEY)
  return stored !== null && TOKEN_PATTERN.test(stored) ? stored : null
}

/** The bridge lives on the same host and port as the page (the host checks Origin and Host). */
export function bridgeUrl(location: Pick<Location, 'host'>, token: string): string {
  return `ws://${location.host}/bridge?token=${encodeURIComponent(token)}`
}
