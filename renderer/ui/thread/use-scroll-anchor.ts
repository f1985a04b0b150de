// Keeps the message at the top of the view exactly where it was when rows are added above it
// (an older page, or history back-filled while the thread is open). react-virtuoso shifts the
// scroll position by an estimate when rows are prepended and corrects for measured sizes only
// while the reader scrolls upwards; a prepend that lands while the view is idle near the top
// would otherwise leave the text jumping by the estimate's error.
//
// A reader who is following the newest message (at the bottom, or who has not scrolled since the
// thread opened there) is kept at the bottom instead: the first older page lands while the list
// is still settling on its last row, and holding the top row then would leave the newest
// messages below the view.
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react'

type Anchor = { readonly id: string; readonly top: number } | 'bottom'

/** Frames to keep correcting: the list measures new rows over the next few frames. */
const FRAMES = 12
const USER_INPUT = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const

function readAnchor(scroller: HTMLElement): Anchor | null {
  const view = scroller.getBoundingClientRect()
  for (const row of scroller.querySelectorAll('[data-message-id]')) {
    const box = row.getBoundingClientRect()
    if (box.bottom > view.top + 1) {
      const id = row.getAttribute('data-message-id')
      return id === null ? null : { id, top: box.top }
    }
  }
  return null
}

/** Whether `next` is `before` with rows added after its last (its first and last rows kept). */
function onlyAppended(before: readonly number[], next: readonly number[]): boolean {
  const last = before.length - 1
  return last >= 0 && next.length > last && next[0] === before[0] && next[last] === before[last]
}

export interface Following {
  /** The list reports the newest row in view. */
  readonly atBottom: boolean
  /** The newest page of the thread is loaded (nothing newer to fetch). */
  readonly newestLoaded: boolean
  /** The thread opens at its newest message (not centred on a search hit); read at opening. */
  readonly openedAtNewest: boolean
}

/**
 * Keeps the view's anchor across row changes. The returned function says whether rows may be
 * prepended unasked (a prefetch of older messages): always for a list opened at its newest, but
 * for one opened centred on a search hit only once the reader has scrolled it. Until then
 * react-virtuoso still holds its opening position by item index, so a page added above would
 * put an older row at that index and the view with it; the prefetch that view triggers repeats
 * this, page after page, until the thread's first message.
 */
export function useScrollAnchor(
  scroller: HTMLElement | null,
  ids: readonly number[],
  following: Following,
): () => boolean {
  const anchor = useRef<Anchor | null>(null)
  const seen = useRef(ids)
  // Whether the reader has scrolled this list, and where it opened (a new list element is a
  // newly opened thread).
  const moved = useRef(false)
  const openedAtNewest = useRef(following.openedAtNewest)
  const latest = useRef(following)
  latest.current = following
  useEffect(() => {
    moved.current = false
    openedAtNewest.current = latest.current.openedAtNewest
    if (scroller === null) return
    const area = scroller.parentElement ?? scroller
    const mark = () => {
      moved.current = true
    }
    for (const type of USER_INPUT) area.addEventListener(type, mark, { passive: true })
    return () => {
      for (const type of USER_INPUT) area.removeEventListener(type, mark)
    }
  }, [scroller])
  // Read during render, while the DOM still shows the rows from before the change.
  if (seen.current !== ids) {
    // Rows added only below the view (a newer page) move nothing above them: holding an anchor
    // then would only fight the list while it settles on a search hit it opened at.
    const appended = onlyAppended(seen.current, ids)
    seen.current = ids
    // Opened on a search hit, the list reports "at bottom" before it has settled on the hit;
    // only the reader's own scrolling to the bottom makes them a follower of the newest then.
    const follower = openedAtNewest.current
      ? following.atBottom || !moved.current
      : following.atBottom && moved.current
    const newest = following.newestLoaded && follower
    anchor.current =
      scroller === null ? null : newest ? 'bottom' : appended ? null : readAnchor(scroller)
  }
  useLayoutEffect(() => {
    const target = anchor.current
    anchor.current = null
    if (target === null || scroller === null) return
    let frames = 0
    let frame = 0
    // The reader's own scrolling wins: stop correcting at the first sign of it (on the list or
    // its controls, such as the "Newest messages" button beside it).
    const area = scroller.parentElement ?? scroller
    const stop = () => {
      cancelAnimationFrame(frame)
      frames = FRAMES
    }
    for (const type of USER_INPUT) area.addEventListener(type, stop, { passive: true })
    const correct = () => {
      if (target === 'bottom') {
        const gap = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight
        if (gap >= 1) scroller.scrollTop = scroller.scrollHeight
      } else {
        const row = scroller.querySelector(`[data-message-id="${target.id}"]`)
        if (row !== null) {
          const delta = row.getBoundingClientRect().top - target.top
          if (Math.abs(delta) >= 1) scroller.scrollTop += delta
        }
      }
      if (++frames < FRAMES) frame = requestAnimationFrame(correct)
    }
    correct()
    return () => {
      cancelAnimationFrame(frame)
      for (const type of USER_INPUT) area.removeEventListener(type, stop)
    }
  }, [ids, scroller])
  return useCallback(() => openedAtNewest.current || moved.current, [])
}
