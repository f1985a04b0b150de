// Typing into the window's search box from inside the page, for the Chromium spec and the
// benchmark alike.

/** A few words typed a key at a time: each entry is the box's text after one keystroke. */
export const SEARCH_KEYSTROKES: readonly string[] = [
  'see you',
  'morning',
  'pizza',
  'tonig',
].flatMap((word) => Array.from({ length: word.length }, (_, k) => word.slice(0, k + 1)))

/**
 * Runs in the page (pass it to page.evaluate): sets the search box to each text in turn, as a
 * keystroke does, and times each from the input event to the frame after the search status
 * turned 'ready' for that text.
 */
export async function typeAndTime(texts: readonly string[]): Promise<number[]> {
  const input = document.querySelector<HTMLInputElement>('#search-input')
  if (input === null) throw new Error('no search input')
  const descriptor = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')
  if (descriptor?.set === undefined) throw new Error('no value setter')
  const setValue = (value: string) => {
    descriptor.set?.call(input, value)
  }
  const status = () =>
    document.querySelector('[data-search-status]')?.getAttribute('data-search-status') ?? null
  const frame = () =>
    new Promise<void>((resolve) =>
      requestAnimationFrame(() => {
        setTimeout(resolve, 0)
      }),
    )
  const out: number[] = []
  for (const text of texts) {
    let sawSearching = false
    const observer = new MutationObserver((records) => {
      for (const r of records)
        if (r.type === 'attributes' && r.oldValue === 'searching') sawSearching = true
      if (status() === 'searching') sawSearching = true
    })
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-search-status'],
      attributeOldValue: true,
    })
    const start = performance.now()
    // React tracks the value it last set: the native setter makes this a real edit.
    setValue(text)
    input.dispatchEvent(new Event('input', { bubbles: true }))
    const clearing = text.trim() === ''
    for (;;) {
      const s = status()
      if (s === 'searching') sawSearching = true
      if (s === 'error') throw new Error(`search failed for ${text}`)
      if (clearing ? s === null || s === 'idle' : sawSearching && s === 'ready') break
      if (performance.now() - start > 30_000) throw new Error(`no results for ${text}`)
      await new Promise((r) => setTimeout(r, 0))
    }
    await frame()
    observer.disconnect()
    if (!clearing) out.push(performance.now() - start)
  }
  return out
}
