// Finds web links in a text so they can be shown as links; everything else stays plain text.
// Only explicit http:// and https:// links qualify: a `javascript:` or `file:` string, or a bare
// domain, is never turned into something clickable.
export type TextRun =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'link'; readonly text: string; readonly url: string }

// Controls and invisible format characters (bidi overrides, zero-width marks) end a link, so
// one cannot hide inside a URL to disguise where it goes.
const LINK = /\bhttps?:\/\/[^\s<>"'`\p{Cc}\p{Cf}]+/giu
// Punctuation that usually ends the sentence rather than the link.
const TRAILING = /[.,;:!?)\]}'"»”’]+$/u

export function splitLinks(text: string): TextRun[] {
  const runs: TextRun[] = []
  let last = 0
  for (const match of text.matchAll(LINK)) {
    let url = match[0]
    const trailing = TRAILING.exec(url)
    // Keep a closing parenthesis that balances one inside the link (Wikipedia-style links).
    if (trailing !== null && !(trailing[0] === ')' && url.includes('('))) {
      url = url.slice(0, url.length - trailing[0].length)
    }
    const start = match.index
    if (!isSafeWebUrl(url)) continue
    if (start > last) runs.push({ kind: 'text', text: text.slice(last, start) })
    runs.push({ kind: 'link', text: url, url })
    last = start + url.length
  }
  if (last < text.length) runs.push({ kind: 'text', text: text.slice(last) })
  return runs
}

/** True for a well-formed http(s) URL with a host: the only kind the window will open. */
export function isSafeWebUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname !== ''
  } catch {
    return false
  }
}
