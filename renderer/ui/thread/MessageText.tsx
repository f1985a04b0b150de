// A message body as text, never as markup: React puts it in text nodes, links become anchors
// whose href is a checked http(s) URL, and the whole body is a bidi isolate so a right-to-left
// override inside it cannot reorder anything outside. Bodies over CLAMP characters show only
// their start until "Show more", so a 100 KB text cannot stall the thread's layout.
import { memo, useMemo, useState, type MouseEvent } from 'react'
import { splitLinks } from '../../lib/links'
import { useOpenLink } from '../common/links'

export const CLAMP = 1500

/** Cuts at `max` UTF-16 units without splitting a surrogate pair. */
export function clampText(text: string, max: number): string {
  if (text.length <= max) return text
  const code = text.charCodeAt(max - 1)
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max)
}

export const MessageText = memo(function MessageText({ body }: { body: string }) {
  const [expanded, setExpanded] = useState(false)
  const long = body.length > CLAMP
  const shown = long && !expanded ? clampText(body, CLAMP) : body
  const runs = useMemo(() => splitLinks(shown), [shown])
  const openLink = useOpenLink()
  const onLink = (url: string) => (e: MouseEvent) => {
    // Every activation goes through the confirmation, including Ctrl/middle clicks.
    e.preventDefault()
    if (e.button === 0 || e.button === 1) openLink(url)
  }
  return (
    <div className="message-text" dir="auto">
      {runs.map((run, i) =>
        run.kind === 'text' ? (
          <span key={i}>{run.text}</span>
        ) : (
          <a
            key={i}
            href={run.url}
            className="link"
            rel="noopener noreferrer"
            onClick={onLink(run.url)}
            onAuxClick={onLink(run.url)}
          >
            {run.text}
          </a>
        ),
      )}
      {long && (
        <>
          {!expanded && <span aria-hidden="true">…</span>}{' '}
          <button
            type="button"
            className="text-button"
            aria-expanded={expanded}
            onClick={() => {
              setExpanded(!expanded)
            }}
          >
            {expanded ? 'Show less' : `Show more (${Math.round(body.length / 1000)}k characters)`}
          </button>
        </>
      )}
    </div>
  )
})
