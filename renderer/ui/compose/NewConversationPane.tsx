// "New message": pick a phone (when several are paired) and recipients. A single recipient who
// already has a conversation opens it, draft and all, rather than starting a second thread.
import { useEffect } from 'react'
import { errorText } from '../../api/facade'
import { NO_GROUP_REASON } from '../../lib/attach-words'
import { draftKey, NEW_KEY, type PendingSend, type Recipient } from '../../store/compose-slice'
import { useActions, useApp, useServices } from '../../store/context'
import { pairedDevices } from '../../store/status-slice'
import { PendingBubble } from '../thread/Bubble'
import { Composer } from './Composer'
import { RecipientField } from './RecipientField'

const NONE: readonly PendingSend[] = []

export function NewConversationPane() {
  const draft = useApp((s) => s.newConversation)
  const allDevices = useApp((s) => s.devices)
  const pending = useApp((s) => s.pending[NEW_KEY] ?? NONE)
  const { api, store } = useServices()
  const actions = useActions()
  const devices = pairedDevices(allDevices)
  const deviceId = draft?.deviceId ?? devices[0]?.id ?? null
  const device = devices.find((d) => d.id === deviceId)

  useEffect(() => {
    if (draft !== null && draft.deviceId === null && deviceId !== null) {
      actions.updateNewConversation({ deviceId })
    }
  }, [draft, deviceId, actions])

  if (draft === null) return null
  const recipients = draft.recipients
  const canGroup = device?.sending.group === true
  // Without group texts, several recipients would each get a separate text, which scatters the
  // replies: the phone is not asked to, and the box says why.
  const blocked =
    recipients.length > 1 && !canGroup
      ? `${NO_GROUP_REASON}, so a text can go to one person at a time.`
      : null

  const add = (r: Recipient) => {
    const next = [...recipients, r]
    actions.updateNewConversation({ recipients: next })
    if (next.length !== 1 || deviceId === null) return
    api.conversations.findByAddress({ deviceId, address: r.address }).then(
      (existing) => {
        // Still just this one recipient? Then the existing conversation is the place to write.
        if (existing === null || store.getState().newConversation?.recipients.length !== 1) return
        actions.setDraft(draftKey(existing.id), store.getState().drafts[NEW_KEY] ?? '')
        actions.setDraft(NEW_KEY, '')
        actions.moveDraftFiles(NEW_KEY, draftKey(existing.id))
        actions.selectConversation(existing.id)
      },
      (e: unknown) => {
        actions.notify(`Couldn't look up that number: ${errorText(e)}`)
      },
    )
  }
  const remove = (address: string) => {
    actions.updateNewConversation({ recipients: recipients.filter((r) => r.address !== address) })
  }

  return (
    <section className="thread-pane new-conversation" aria-label="New message">
      <header className="thread-header">
        <h2>New message</h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Close new message"
          onClick={actions.closeNewConversation}
        >
          ×
        </button>
      </header>
      <div className="new-conversation-fields">
        {devices.length > 1 && (
          <label className="from-field">
            From{' '}
            <select
              value={deviceId ?? ''}
              onChange={(e) => {
                actions.updateNewConversation({ deviceId: e.target.value, recipients: [] })
              }}
            >
              {devices.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <RecipientField deviceId={deviceId} recipients={recipients} onAdd={add} onRemove={remove} />
      </div>
      <div className="new-conversation-body">
        {pending.map((item) => (
          <PendingBubble key={item.tempId} item={item} draftKey={NEW_KEY} />
        ))}
        {pending.length === 0 && recipients.length > 1 && canGroup && (
          <p className="muted">Sends one group text to {recipients.length} people.</p>
        )}
      </div>
      <Composer
        draftKey={NEW_KEY}
        target={
          recipients.length === 0 || deviceId === null
            ? null
            : { deviceId, addresses: recipients.map((r) => r.address) }
        }
        sims={device?.sims ?? []}
        conversationId={null}
        conversationSub={null}
        sending={device?.sending ?? null}
        recipients={recipients.length}
        blocked={blocked}
        autoFocus={false}
      />
    </section>
  )
}
