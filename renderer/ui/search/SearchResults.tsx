// Results as you type: the count, people (conversations matched by a contact's name or a
// number), then message hits newest first with the matched words marked. Snippets are text
// runs from the core (`segments`), each put in a text node or a <mark>: never parsed as markup.
import { memo, useId, useMemo, type KeyboardEvent } from 'react'
import { Virtuoso } from 'react-virtuoso'
import type { ConversationHit, SearchHit, Segment } from '../../../shared/model'
import { formatListDate, formatStamp } from '../../lib/time'
import { formatCount } from '../../lib/words'
import { isSearching } from '../../store/search-slice'
import { useActions, useApp } from '../../store/context'
import { ContactAvatar } from '../common/ContactAvatar'
import { useNow } from '../common/use-now'
import { hitRowHeight, hitRowStyle } from './hit-row'

export function Snippet(props: { segments: readonly Segment[]; start: boolean; end: boolean }) {
  return (
    <span className="snippet" dir="auto">
      {props.start && '…'}
      {props.segments.map((s, i) =>
        s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>,
      )}
      {props.end && '…'}
    </span>
  )
}

/** Up and down arrows walk the results (each is a button carrying data-result). */
function walk(e: KeyboardEvent<HTMLElement>) {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>('[data-result]')]
  const at = items.indexOf(document.activeElement as HTMLElement)
  const next = e.key === 'ArrowDown' ? items[at + 1] : at <= 0 ? null : items[at - 1]
  e.preventDefault()
  if (next === null) document.getElementById('search-input')?.focus()
  else next?.focus()
}

export function SearchResults() {
  const search = useApp((s) => s.search)
  const result = search.result
  const typing = isSearching(search)

  let summary: string
  if (!typing) summary = 'Type to search every message.'
  else if (search.status === 'error') summary = `Search failed: ${search.error ?? ''}`
  else if (result === null) summary = 'Searching…'
  else if (result.empty) summary = 'Type letters or numbers to search.'
  else if (result.total === null) summary = `${formatCount(result.hits.length)} results`
  else if (result.total.count === 0 && result.conversations.length === 0)
    summary = 'No messages match.'
  else {
    const n = `${formatCount(result.total.count)}${result.total.capped ? '+' : ''}`
    summary = `${n} ${result.total.count === 1 && !result.total.capped ? 'message' : 'messages'}`
  }

  return (
    <div className="search-results" onKeyDown={walk}>
      <p className="search-summary" role="status" data-search-status={search.status}>
        {summary}
        {search.status === 'searching' && result !== null && (
          <span className="spinner spinner-inline" aria-hidden="true" />
        )}
      </p>
      {result?.indexing === true && (
        <p className="search-note">
          Still indexing older messages: results may be missing some until it finishes.
        </p>
      )}
      {typing && result !== null && (
        <HitList hits={result.hits} conversations={result.conversations} />
      )}
    </div>
  )
}

/** Hit rows have one fixed height, so the list never measures them while the user types. */
const HIT_HEIGHT = hitRowHeight()
const HIT_STYLE = hitRowStyle()

// Its own component over the two arrays only: a keystroke that changes the text or the status
// does not touch the list, and new results re-render rows without measuring them.
const HitList = memo(function HitList(props: {
  hits: readonly SearchHit[]
  conversations: readonly ConversationHit[]
}) {
  const { loadMoreResults } = useActions()
  const now = useNow(60_000)
  const context = useMemo(() => ({ conversations: props.conversations }), [props.conversations])
  return (
    <Virtuoso<SearchHit, HitsContext>
      className="search-hits"
      style={HIT_STYLE}
      data={props.hits}
      fixedItemHeight={HIT_HEIGHT}
      computeItemKey={(_, hit) => hit.messageId}
      endReached={() => void loadMoreResults()}
      increaseViewportBy={300}
      context={context}
      components={{ Header: PeopleHits }}
      itemContent={(_, hit) => <HitRow hit={hit} now={now} />}
    />
  )
})

interface HitsContext {
  readonly conversations: readonly ConversationHit[]
}

/** The conversations found by name or number, each drawn as the conversation list draws it. */
function PeopleHits({ context }: { context: HitsContext }) {
  const { selectConversation } = useActions()
  const heading = useId()
  if (context.conversations.length === 0) return null
  return (
    <>
      <div className="search-section" role="group" aria-labelledby={heading}>
        <h3 className="section-title" id={heading}>
          People
        </h3>
        {context.conversations.map(({ conversation: c }) => {
          const numbers = c.participants.map((p) => p.address).join(', ')
          return (
            <button
              key={c.id}
              type="button"
              className="search-conversation"
              data-result
              data-conversation-id={c.id}
              onClick={() => {
                selectConversation(c.id)
              }}
            >
              <ContactAvatar conversation={c} />
              <span className="person-text">
                <bdi className="strong conversation-title">{c.title}</bdi>
                {/* A number the title already is would only say it twice. */}
                {numbers !== c.title && <bdi className="person-number">{numbers}</bdi>}
              </span>
            </button>
          )
        })}
      </div>
      <h3 className="section-title">Messages</h3>
    </>
  )
}

const HitRow = memo(function HitRow({ hit, now }: { hit: SearchHit; now: number }) {
  const { selectConversation } = useActions()
  const selected = useApp((s) => s.threads[hit.conversationId]?.focusId === hit.messageId)
  const who =
    hit.direction === 'outgoing' ? 'You' : (hit.sender?.name ?? hit.sender?.address ?? null)
  return (
    <button
      type="button"
      className={selected ? 'search-hit selected' : 'search-hit'}
      data-result
      data-message-id={hit.messageId}
      onClick={() => {
        selectConversation(hit.conversationId, hit.messageId)
      }}
    >
      <span className="conversation-line">
        <bdi className="strong conversation-title">{hit.conversationTitle}</bdi>
        <time dateTime={new Date(hit.date).toISOString()} title={formatStamp(hit.date)}>
          {formatListDate(hit.date, now)}
        </time>
      </span>
      <span className="hit-body">
        {who !== null && (
          <>
            <bdi className="hit-who">{who}</bdi>:{' '}
          </>
        )}
        <Snippet segments={hit.segments} start={hit.truncatedStart} end={hit.truncatedEnd} />
      </span>
    </button>
  )
})
