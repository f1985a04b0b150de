// What a bubble says about its delivery (every state of the send state machine is shown, so a
// text is never silently stuck), and the choices a failed or uncertain text offers.
import type { ArchivedMessage } from '../../../shared/model'
import { sendFailureText } from '../../lib/words'
import { useActions } from '../../store/context'

export function deliveryLabel(state: ArchivedMessage['delivery']['state']): string | null {
  switch (state) {
    case 'received':
      return null
    case 'queued':
      return 'Queued'
    case 'dispatching':
    case 'sending':
      return 'Sending…'
    case 'waiting':
      return 'Waiting for you to allow sending on the phone'
    case 'sent':
      return 'Sent'
    case 'delivered':
      return 'Delivered'
    case 'failed':
      return 'Not sent'
    case 'unknown':
      return 'Might not have been sent'
    case 'draft':
      return 'Draft, never sent'
  }
}

export function DeliveryActions({ message }: { message: ArchivedMessage }) {
  const { retryMessage, discardMessage } = useActions()
  const { state, reason, outboxId } = message.delivery
  if (state === 'failed' && outboxId === null) {
    // The phone's own record of a failed text (sent from the phone, or an attempt this desktop
    // has already retried): there is nothing here to retry, only the reason to show.
    return (
      <div className="delivery-problem" role="group" aria-label="Not sent">
        <p>{sendFailureText(reason)}</p>
      </div>
    )
  }
  if (state === 'failed') {
    return (
      <div className="delivery-problem" role="group" aria-label="Not sent">
        <p>{sendFailureText(reason)}</p>
        <button
          type="button"
          className="button button-small"
          onClick={() => void retryMessage(message)}
        >
          Retry
        </button>
      </div>
    )
  }
  if (state === 'unknown') {
    return (
      <div className="delivery-problem" role="group" aria-label="Might not have been sent">
        <p>
          Textbridge lost touch with the phone while this text was being sent, so it can’t tell
          whether it went out. Check the phone’s messaging app before sending it again.
        </p>
        <button
          type="button"
          className="button button-small"
          onClick={() => void retryMessage(message)}
        >
          Send again
        </button>{' '}
        <button
          type="button"
          className="button button-small"
          onClick={() => void discardMessage(message)}
        >
          Discard
        </button>
      </div>
    )
  }
  return null
}
