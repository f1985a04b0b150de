// One message in a thread. Names and bodies are text in <bdi>/dir=auto isolates; state that can
// change (delivery) is exposed as data attributes too, for tests and styling.
import { memo } from 'react'
import type { ArchivedMessage, SimRef } from '../../../shared/model'
import { formatStamp, formatTime } from '../../lib/time'
import type { PendingSend } from '../../store/compose-slice'
import { useActions } from '../../store/context'
import { AttachmentView, FileChip } from './Attachment'
import { DeliveryActions, deliveryLabel } from './Delivery'
import { MessageText } from './MessageText'

export function simLabel(sim: SimRef): string {
  return sim.label ?? (sim.slot !== null ? `SIM ${sim.slot + 1}` : 'SIM')
}

export interface BubbleProps {
  readonly message: ArchivedMessage
  readonly showSender: boolean
  readonly showSim: boolean
  readonly highlighted: boolean
}

export const Bubble = memo(function Bubble({
  message,
  showSender,
  showSim,
  highlighted,
}: BubbleProps) {
  const outgoing = message.direction === 'outgoing'
  const label = deliveryLabel(message.delivery.state)
  const sender = message.sender
  const classes = ['bubble-row', outgoing ? 'outgoing' : 'incoming']
  if (highlighted) classes.push('highlight')
  if (message.delivery.state === 'failed' || message.delivery.state === 'unknown') {
    classes.push('problem')
  }
  return (
    <article
      className={classes.join(' ')}
      data-message-id={message.id}
      data-delivery={message.delivery.state}
      aria-current={highlighted ? 'true' : undefined}
    >
      {showSender && !outgoing && sender !== null && (
        <div className="bubble-sender">
          <bdi>{sender.name ?? sender.address}</bdi>
        </div>
      )}
      <div className="bubble">
        {message.attachments.map((part) => (
          <AttachmentView
            key={part.partId}
            messageId={message.id}
            part={part}
            from={outgoing ? 'you' : (sender?.name ?? sender?.address ?? 'someone')}
          />
        ))}
        {message.body.length > 0 && <MessageText body={message.body} />}
        <div className="bubble-meta">
          <time dateTime={new Date(message.date).toISOString()} title={formatStamp(message.date)}>
            {formatTime(message.date)}
          </time>
          {showSim && message.sim !== null && (
            <span className="sim-badge">
              <bdi>{simLabel(message.sim)}</bdi>
            </span>
          )}
          {label !== null && (
            <span className={`delivery delivery-${message.delivery.state}`}>{label}</span>
          )}
          {message.imported && (
            <span className="imported-badge" title="Imported from a backup file">
              Imported
            </span>
          )}
        </div>
      </div>
      <DeliveryActions message={message} />
    </article>
  )
})

/** A text sent from this window that the core has not answered for yet (or refused). */
export function PendingBubble({ item, draftKey }: { item: PendingSend; draftKey: string }) {
  const { retryPending, discardPending } = useActions()
  const failed = item.state === 'failed'
  return (
    <article
      className={failed ? 'bubble-row outgoing problem' : 'bubble-row outgoing'}
      data-pending-id={item.tempId}
      data-delivery={failed ? 'failed' : 'sending'}
    >
      <div className="bubble">
        {item.attachments.map((a, i) =>
          a.previewUrl !== null ? (
            <img key={i} className="attachment-image" src={a.previewUrl} alt={a.name} />
          ) : (
            <FileChip key={i} name={a.name} mime={a.mime} size={a.size} />
          ),
        )}
        {item.body.trim().length > 0 && <MessageText body={item.body} />}
        <div className="bubble-meta">
          <time dateTime={new Date(item.createdAt).toISOString()}>
            {formatTime(item.createdAt)}
          </time>
          <span className={failed ? 'delivery delivery-failed' : 'delivery delivery-sending'}>
            {deliveryLabel(failed ? 'failed' : 'sending')}
          </span>
        </div>
      </div>
      {failed && (
        <div className="delivery-problem" role="group" aria-label="Not sent">
          <p>{item.error}</p>
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              retryPending(draftKey, item.tempId)
            }}
          >
            Retry
          </button>{' '}
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              discardPending(draftKey, item.tempId)
            }}
          >
            Discard
          </button>
        </div>
      )}
    </article>
  )
}
