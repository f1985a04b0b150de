// The conversation list: a virtual listbox (only rows near the viewport are in the DOM, so 5,000
// conversations open as fast as 50), paged by cursor as the reader nears the end. Arrow keys
// move through it, Enter opens; Alt+↑/↓ elsewhere opens the previous/next one directly.
import { useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { Virtuoso, type VirtuosoHandle } from 'react-virtuoso'
import type { ConversationId } from '../../../shared/model'
import { useActions, useApp } from '../../store/context'
import { pairedDevices } from '../../store/status-slice'
import { useNow } from '../common/use-now'
import { ConversationRow, type RowFacts } from './ConversationRow'

export function ConversationList() {
  const order = useApp((s) => s.conversations.order)
  const status = useApp((s) => s.conversations.status)
  const error = useApp((s) => s.conversations.error)
  const loadingMore = useApp((s) => s.conversations.loadingMore)
  const complete = useApp((s) => s.conversations.older === null)
  const selectedId = useApp((s) => s.selectedId)
  const devices = useApp((s) => s.devices)
  const { selectConversation, loadMoreConversations, loadConversations } = useActions()
  const list = useRef<VirtuosoHandle>(null)
  const [active, setActive] = useState<ConversationId | null>(null)
  const now = useNow(60_000)

  const facts = useMemo<RowFacts>(() => {
    const paired = pairedDevices(devices)
    return {
      now,
      phoneNames: paired.length > 1 ? Object.fromEntries(devices.map((d) => [d.id, d.name])) : null,
      dualSim: new Set(devices.filter((d) => d.sims.length > 1).map((d) => d.id)),
    }
  }, [devices, now])

  const current = active ?? selectedId
  const onKeyDown = (e: KeyboardEvent) => {
    const at = current === null ? -1 : order.indexOf(current)
    let next: number | null = null
    if (e.key === 'ArrowDown') next = Math.min(order.length - 1, at + 1)
    else if (e.key === 'ArrowUp') next = Math.max(0, at - 1)
    else if (e.key === 'Home') next = 0
    else if (e.key === 'End') next = order.length - 1
    else if ((e.key === 'Enter' || e.key === ' ') && current !== null) {
      e.preventDefault()
      selectConversation(current)
      return
    }
    if (next === null || e.altKey || e.ctrlKey || e.metaKey) return
    e.preventDefault()
    const id = order[next]
    if (id === undefined) return
    setActive(id)
    list.current?.scrollIntoView({ index: next })
    if (next >= order.length - 10) void loadMoreConversations()
  }

  if (status === 'loading' || status === 'idle') {
    return (
      <div className="list-message" role="status">
        <span className="spinner" aria-hidden="true" /> Loading conversations…
      </div>
    )
  }
  if (status === 'error') {
    return (
      <div className="list-message" role="alert">
        <p>Couldn’t load conversations: {error}</p>
        <button type="button" className="button" onClick={() => void loadConversations()}>
          Try again
        </button>
      </div>
    )
  }
  if (order.length === 0) {
    return (
      <div className="list-message" role="status">
        <p className="strong">No conversations yet</p>
        <p className="muted">Texts appear here as soon as your phone sends them over.</p>
      </div>
    )
  }
  return (
    <Virtuoso
      ref={list}
      className="conversation-list"
      role="listbox"
      aria-label="Conversations"
      aria-activedescendant={current === null ? undefined : `conversation-${current}`}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onBlur={() => {
        setActive(null)
      }}
      data={order}
      computeItemKey={(_, id) => id}
      endReached={() => void loadMoreConversations()}
      increaseViewportBy={400}
      itemContent={(index, id) => (
        <ConversationRow
          id={id}
          position={index + 1}
          setSize={complete ? order.length : -1}
          selected={id === selectedId}
          active={id === active}
          facts={facts}
          onOpen={selectConversation}
        />
      )}
      context={{ loadingMore }}
      components={{ Footer: ListFooter }}
    />
  )
}

function ListFooter({ context }: { context: { loadingMore: boolean } }) {
  return context.loadingMore ? (
    <div className="list-note">
      <span className="spinner" aria-hidden="true" /> Loading more…
    </div>
  ) : null
}
