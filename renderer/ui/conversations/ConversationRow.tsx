// One row of the conversation list. It reads its own conversation from the store, so a new
// message re-renders that row only.
import { memo } from 'react'
import type { Conversation, ConversationId } from '../../../shared/model'
import { formatListDate, formatStamp } from '../../lib/time'
import { useApp } from '../../store/context'
import { ContactAvatar } from '../common/ContactAvatar'
import { simLabel } from '../thread/Bubble'

export interface RowFacts {
  readonly now: number
  /** Show which phone a conversation is on (several phones paired). */
  readonly phoneNames: Readonly<Record<string, string>> | null
  /** Phones with more than one SIM: their conversations show a SIM badge. */
  readonly dualSim: ReadonlySet<string>
}

export function snippetOf(c: Conversation): string {
  const last = c.lastMessage
  const body = last.snippet.length > 0 ? last.snippet : last.attachmentCount > 0 ? 'Picture' : ''
  return last.direction === 'outgoing' ? `You: ${body}` : body
}

export const ConversationRow = memo(function ConversationRow(props: {
  id: ConversationId
  /** 1-based place in the list, and the list's length (-1 while more pages remain). */
  position: number
  setSize: number
  selected: boolean
  active: boolean
  facts: RowFacts
  onOpen: (id: ConversationId) => void
}) {
  const c = useApp((s) => s.conversations.byId[props.id])
  if (c === undefined) return null
  const unread = c.unreadCount > 0
  const failed = c.lastMessage.delivery === 'failed' || c.lastMessage.delivery === 'unknown'
  const phone = props.facts.phoneNames?.[c.deviceId]
  const classes = ['conversation-row']
  if (props.selected) classes.push('selected')
  if (props.active) classes.push('active')
  if (unread) classes.push('unread')
  return (
    <div
      id={`conversation-${c.id}`}
      role="option"
      aria-selected={props.selected}
      // Only rows near the viewport exist: these tell assistive technology where one sits.
      aria-posinset={props.position}
      aria-setsize={props.setSize}
      className={classes.join(' ')}
      data-conversation-id={c.id}
      onClick={() => {
        props.onOpen(c.id)
      }}
    >
      <ContactAvatar conversation={c} />
      <div className="conversation-text">
        <div className="conversation-line">
          <span className="conversation-title">
            <bdi>{c.title}</bdi>
          </span>
          <time
            className="conversation-time"
            dateTime={new Date(c.lastMessage.date).toISOString()}
            title={formatStamp(c.lastMessage.date)}
          >
            {formatListDate(c.lastMessage.date, props.facts.now)}
          </time>
        </div>
        <div className="conversation-line">
          <span className="conversation-snippet">
            {failed && <span className="snippet-failed">Not sent · </span>}
            <bdi>{snippetOf(c)}</bdi>
          </span>
          {unread && (
            <span className="unread-count" aria-label={`${c.unreadCount} unread`}>
              {c.unreadCount > 99 ? '99+' : c.unreadCount}
            </span>
          )}
        </div>
        {(phone !== undefined || (props.facts.dualSim.has(c.deviceId) && c.sim !== null)) && (
          <div className="conversation-badges">
            {phone !== undefined && (
              <span className="phone-badge">
                <bdi>{phone}</bdi>
              </span>
            )}
            {props.facts.dualSim.has(c.deviceId) && c.sim !== null && (
              <span className="sim-badge">
                <bdi>{simLabel(c.sim)}</bdi>
              </span>
            )}
          </div>
        )}
      </div>
    </div>
  )
})
