// The thread: a virtual list (only the rows near the viewport are in the DOM) that opens at the
// newest message, or centred on a search hit, loads older pages as the reader nears the top and
// keeps their place when they land (firstItemIndex), and follows new messages only when the
// reader is already at the bottom.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { Virtuoso, type VirtuosoHandle } from 'react-virtuoso'
import type { ConversationId, MessageId } from '../../../shared/model'
import { daysAgo, formatDayLabel } from '../../lib/time'
import { draftKey, type PendingSend } from '../../store/compose-slice'
import { useActions, useApp } from '../../store/context'
import type { Thread } from '../../store/thread-window'
import { useNow } from '../common/use-now'
import { Bubble, PendingBubble } from './Bubble'
import { useScrollAnchor } from './use-scroll-anchor'

type Row =
  | { readonly kind: 'message'; readonly id: MessageId }
  | { readonly kind: 'pending'; readonly item: PendingSend }

interface ListContext {
  readonly hasOlder: boolean
  readonly loadingOlder: boolean
  readonly loadingNewer: boolean
  /** The label of the first message's day, shown once the start of the thread is loaded. */
  readonly firstDay: string | null
}

const rowKey = (row: Row) => (row.kind === 'message' ? `m${row.id}` : `p${row.item.tempId}`)

const HIGHLIGHT_MS = 2500
const PREFETCH_ROWS = 25
const NO_PENDING: readonly PendingSend[] = []

export function MessageList(props: { thread: Thread; group: boolean; dualSim: boolean }) {
  const { thread, group, dualSim } = props
  const id: ConversationId = thread.conversationId
  const key = draftKey(id)
  const pending = useApp((s) => s.pending[key] ?? NO_PENDING)
  const { loadOlder, loadNewer, clearFocus, openThread } = useActions()
  const list = useRef<VirtuosoHandle>(null)
  const [atBottom, setAtBottom] = useState(true)
  const [scroller, setScroller] = useState<HTMLElement | null>(null)
  const focusIndex = thread.focusId === null ? -1 : thread.ids.indexOf(thread.focusId)
  const mayPrefetchOlder = useScrollAnchor(scroller, thread.ids, {
    atBottom,
    newestLoaded: thread.newer === null,
    openedAtNewest: thread.focusId === null,
  })
  // Day labels ("Today") must roll over at midnight even if nothing else changes.
  const now = useNow(60_000)

  const rows = useMemo<Row[]>(
    () => [
      ...thread.ids.map((m): Row => ({ kind: 'message', id: m })),
      ...pending.map((item): Row => ({ kind: 'pending', item })),
    ],
    [thread.ids, pending],
  )
  const positions = useMemo(() => new Map(rows.map((row, i) => [rowKey(row), i])), [rows])
  const dateOf = useCallback(
    (row: Row | undefined): number | null =>
      row === undefined
        ? null
        : row.kind === 'pending'
          ? row.item.createdAt
          : (thread.byId[row.id]?.date ?? null),
    [thread.byId],
  )

  useEffect(() => {
    if (thread.focusId === null) return
    const timer = setTimeout(() => {
      clearFocus(id)
    }, HIGHLIGHT_MS)
    return () => {
      clearTimeout(timer)
    }
  }, [thread.focusId, id, clearFocus])

  // A day separator is drawn at the bottom of the last row of a day, never at the top of the
  // first row of the next: a row's height then depends only on rows below it, so a page of
  // older messages arriving above never resizes a row the reader has already seen (which would
  // shift the view). The very first day's label sits in the list header.
  const itemContent = (_index: number, row: Row) => {
    // Position by identity, not by index: during a prepend the list's index and firstIndex can
    // disagree for a render, and a row must not flicker its separator or end padding.
    const offset = positions.get(rowKey(row)) ?? -1
    const date = dateOf(row)
    const next = dateOf(rows[offset + 1])
    const dayEnds = date !== null && next !== null && daysAgo(next, now) !== daysAgo(date, now)
    return (
      <div className={offset === rows.length - 1 ? 'row row-last' : 'row'}>
        {row.kind === 'pending' ? (
          <PendingBubble item={row.item} draftKey={key} />
        ) : (
          <MessageRow id={row.id} thread={thread} group={group} dualSim={dualSim} />
        )}
        {dayEnds && <DaySeparator label={formatDayLabel(next, now)} />}
      </div>
    )
  }

  const firstDate = dateOf(rows[0])
  const context: ListContext = {
    hasOlder: thread.older !== null,
    loadingOlder: thread.loadingOlder,
    loadingNewer: thread.loadingNewer,
    firstDay: firstDate === null ? null : formatDayLabel(firstDate, now),
  }
  const last = rows[rows.length - 1]

  return (
    <div className="message-list">
      <Virtuoso<Row, ListContext>
        key={`${id}:${thread.version}`}
        ref={list}
        scrollerRef={(el) => {
          setScroller(el instanceof HTMLElement ? el : null)
        }}
        className="message-scroller"
        role="log"
        aria-label="Messages"
        aria-live="off"
        tabIndex={0}
        data={rows}
        context={context}
        firstItemIndex={thread.firstIndex}
        initialTopMostItemIndex={
          focusIndex >= 0 ? { index: focusIndex, align: 'center' } : { index: 'LAST', align: 'end' }
        }
        computeItemKey={(_, row) => rowKey(row)}
        itemContent={itemContent}
        // Ask for the older page while a screenful or two of loaded rows is still above the
        // view: rows prepended out of sight are measured before the reader reaches them, so
        // the view does not shift when they arrive. startReached is the backstop.
        rangeChanged={(range) => {
          if (range.startIndex - thread.firstIndex < PREFETCH_ROWS && mayPrefetchOlder()) {
            void loadOlder(id)
          }
          if (thread.firstIndex + rows.length - 1 - range.endIndex < PREFETCH_ROWS) {
            void loadNewer(id)
          }
        }}
        startReached={() => void loadOlder(id)}
        endReached={() => void loadNewer(id)}
        // Stay at the newest message when it is in view, or when the reader just sent one. Rows
        // appended while newer pages are still loading (after a jump to an old search hit) are
        // paging, not new texts: following them would carry the view away from the hit.
        followOutput={(bottom) =>
          (bottom && thread.newer === null) ||
          (last?.kind === 'pending' && last.item.state === 'sending')
            ? 'auto'
            : false
        }
        atBottomStateChange={setAtBottom}
        atBottomThreshold={80}
        // Rows are measured well before they scroll into view (even a PageUp's worth), so a
        // row's real height never surprises the reader.
        increaseViewportBy={{ top: 1200, bottom: 400 }}
        components={{ Header: ListHeader, Footer: ListFooter }}
      />
      {(!atBottom || thread.newer !== null) && rows.length > 0 && (
        <button
          type="button"
          className="jump-button"
          onClick={() => {
            if (thread.newer !== null) void openThread(id, null)
            else list.current?.scrollToIndex({ index: 'LAST', align: 'end', behavior: 'smooth' })
          }}
        >
          <span aria-hidden="true">↓</span> Newest messages
        </button>
      )}
    </div>
  )
}

function MessageRow(props: { id: MessageId; thread: Thread; group: boolean; dualSim: boolean }) {
  const message = props.thread.byId[props.id]
  if (message === undefined) return null
  return (
    <Bubble
      message={message}
      showSender={props.group}
      showSim={props.dualSim}
      highlighted={props.thread.focusId === message.id}
    />
  )
}

// Both states of the header have the same height: it sits above every row, so a change in its
// height when the last older page arrives would shift the whole view.
function ListHeader({ context }: { context: ListContext }) {
  if (context.loadingOlder || context.hasOlder) {
    return (
      <div className="row list-header" aria-live="polite">
        <div className="list-note">
          <span className="spinner" aria-hidden="true" /> Loading older messages…
        </div>
      </div>
    )
  }
  return (
    <div className="row list-header">
      <div className="list-note">Start of the conversation</div>
      {context.firstDay !== null && <DaySeparator label={context.firstDay} />}
    </div>
  )
}

function DaySeparator({ label }: { label: string }) {
  return (
    <div className="day-separator" role="separator">
      <span>{label}</span>
    </div>
  )
}

function ListFooter({ context }: { context: ListContext }) {
  return context.loadingNewer ? (
    <div className="list-note">
      <span className="spinner" aria-hidden="true" /> Loading newer messages…
    </div>
  ) : null
}
