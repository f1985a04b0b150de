// The open conversation: who it is with, the messages, and the compose box.
import { useEffect } from 'react'
import type { ConversationId } from '../../../shared/model'
import { draftKey } from '../../store/compose-slice'
import { useActions, useApp } from '../../store/context'
import { pairedDevices } from '../../store/status-slice'
import { Avatar } from '../common/Avatar'
import { ContactAvatar } from '../common/ContactAvatar'
import { NO_GROUP_REASON } from '../../lib/attach-words'
import { Composer } from '../compose/Composer'
import { MessageList } from './MessageList'

export function ThreadPane({ conversationId }: { conversationId: ConversationId }) {
  const conversation = useApp((s) => s.conversations.byId[conversationId])
  const thread = useApp((s) => s.threads[conversationId])
  const device = useApp((s) => s.devices.find((d) => d.id === conversation?.deviceId))
  const severalPhones = useApp((s) => pairedDevices(s.devices).length > 1)
  const { ensureConversation, openThread, setSearchFilters, clearSearch } = useActions()

  useEffect(() => {
    void ensureConversation(conversationId)
  }, [conversationId, ensureConversation])

  const group = (conversation?.participants.length ?? 0) > 1
  // A reply to a group is one group message; a phone that cannot send one is not offered it.
  const blocked =
    group && device !== undefined && !device.sending.group
      ? `${NO_GROUP_REASON}. Reply from the phone.`
      : null
  const sims = device?.sims ?? []
  const title = conversation?.title ?? ''
  const numbers = conversation?.participants.map((p) => p.address).join(', ') ?? ''

  return (
    <section className="thread-pane" aria-label={`Conversation with ${title}`}>
      <header className="thread-header">
        {conversation === undefined ? (
          <Avatar title={title} seed={conversationId} group={group} size="large" />
        ) : (
          <ContactAvatar conversation={conversation} size="large" />
        )}
        <div className="thread-title">
          <h2>
            <bdi>{title}</bdi>
          </h2>
          <p className="muted">
            {numbers !== title && <bdi>{numbers}</bdi>}
            {severalPhones && device !== undefined && (
              <>
                {numbers !== title && ' · '}
                via <bdi>{device.name}</bdi>
              </>
            )}
          </p>
        </div>
        <button
          type="button"
          className="icon-button"
          title="Search in this conversation"
          onClick={() => {
            clearSearch()
            setSearchFilters({ conversationId })
            document.getElementById('search-input')?.focus()
          }}
        >
          <span className="visually-hidden">Search in this conversation</span>
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path
              fill="currentColor"
              d="M10 4a6 6 0 0 1 4.8 9.6l5.3 5.3-1.4 1.4-5.3-5.3A6 6 0 1 1 10 4zm0 2a4 4 0 1 0 0 8 4 4 0 0 0 0-8z"
            />
          </svg>
        </button>
      </header>
      {thread === undefined || thread.status === 'loading' ? (
        <div className="pane-message" role="status">
          <span className="spinner" aria-hidden="true" /> Loading messages…
        </div>
      ) : thread.status === 'error' ? (
        <div className="pane-message" role="alert">
          <p>Couldn’t load this conversation: {thread.error}</p>
          <button
            type="button"
            className="button"
            onClick={() => void openThread(conversationId, null)}
          >
            Try again
          </button>
        </div>
      ) : (
        <MessageList thread={thread} group={group} dualSim={sims.length > 1} />
      )}
      <Composer
        draftKey={draftKey(conversationId)}
        target={{ conversationId }}
        sims={sims}
        conversationId={conversationId}
        conversationSub={conversation?.sim?.subId ?? null}
        sending={device?.sending ?? null}
        recipients={conversation?.participants.length ?? 1}
        blocked={blocked}
      />
    </section>
  )
}
