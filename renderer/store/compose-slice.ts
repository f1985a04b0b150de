// Writing and sending: drafts per conversation, the SIM chosen per conversation, and the
// optimistic bubbles shown the moment Send is pressed (performance target 7: "sending" within
// one frame), replaced by the core's message when messages.send answers. Retry and discard of
// texts the core reported failed or unknown live here too, as does the new-conversation form.
import type { ArchivedMessage, ConversationId, DeviceId } from '../../shared/model'
import { MAX_SEND_BODY } from '../../shared/api/contract'
import { errorText } from '../api/facade'
import type { SliceCreator, StoreDeps } from './types'

export type SendTarget =
  | { readonly conversationId: ConversationId }
  | { readonly deviceId: DeviceId; readonly addresses: readonly string[] }

/** A text the user sent that the core has not yet answered for (or refused). */
export interface PendingSend {
  readonly tempId: number
  readonly target: SendTarget
  readonly body: string
  readonly subId: number | null
  readonly createdAt: number
  readonly state: 'sending' | 'failed'
  readonly error: string | null
}

export interface Recipient {
  readonly address: string
  /** The contact's name when picked from the address book. */
  readonly name: string | null
}

export interface NewConversation {
  readonly deviceId: DeviceId | null
  readonly recipients: readonly Recipient[]
}

/** Drafts and pending bubbles are keyed by conversation, or `new` for the new-message form. */
export const NEW_KEY = 'new'
export const draftKey = (conversationId: ConversationId) => `c${conversationId}`

export interface ComposeSlice {
  readonly drafts: Readonly<Record<string, string>>
  readonly simChoice: Readonly<Record<ConversationId, number | null>>
  readonly pending: Readonly<Record<string, readonly PendingSend[]>>
  readonly newConversation: NewConversation | null
  readonly setDraft: (key: string, text: string) => void
  readonly chooseSim: (conversationId: ConversationId, subId: number | null) => void
  /** Returns false (and sends nothing) for an empty or over-long text. */
  readonly send: (key: string, target: SendTarget, body: string, subId: number | null) => boolean
  readonly retryPending: (key: string, tempId: number) => void
  readonly discardPending: (key: string, tempId: number) => void
  readonly retryMessage: (message: ArchivedMessage) => Promise<void>
  readonly discardMessage: (message: ArchivedMessage) => Promise<void>
  readonly openNewConversation: (deviceId: DeviceId | null) => void
  readonly closeNewConversation: () => void
  readonly updateNewConversation: (patch: Partial<NewConversation>) => void
}

export const createComposeSlice =
  ({ api, now }: StoreDeps): SliceCreator<ComposeSlice> =>
  (set, get) => {
    let nextTemp = -1
    const setPending = (key: string, f: (list: readonly PendingSend[]) => PendingSend[]) => {
      set({ pending: { ...get().pending, [key]: f(get().pending[key] ?? []) } })
    }

    const dispatch = async (key: string, item: PendingSend) => {
      const to =
        'conversationId' in item.target
          ? { conversationId: item.target.conversationId }
          : { deviceId: item.target.deviceId, addresses: [...item.target.addresses] }
      try {
        const message = await api.messages.send({ to, body: item.body, subId: item.subId })
        setPending(key, (list) => list.filter((p) => p.tempId !== item.tempId))
        get().upsertMessages([message])
        if (key === NEW_KEY) get().selectConversation(message.conversationId)
      } catch (e) {
        const error = errorText(e)
        setPending(key, (list) =>
          list.map((p) => (p.tempId === item.tempId ? { ...p, state: 'failed', error } : p)),
        )
        get().announce(`Message not sent: ${error}`)
      }
    }

    return {
      drafts: {},
      simChoice: {},
      pending: {},
      newConversation: null,
      setDraft: (key, text) => {
        set({ drafts: { ...get().drafts, [key]: text } })
      },
      chooseSim: (conversationId, subId) => {
        set({ simChoice: { ...get().simChoice, [conversationId]: subId } })
      },
      send: (key, target, body, subId) => {
        if (body.trim().length === 0 || body.length > MAX_SEND_BODY) return false
        const item: PendingSend = {
          tempId: nextTemp--,
          target,
          body,
          subId,
          createdAt: now(),
          state: 'sending',
          error: null,
        }
        // One synchronous update: the bubble and the cleared box render in the same frame.
        set({
          pending: { ...get().pending, [key]: [...(get().pending[key] ?? []), item] },
          drafts: { ...get().drafts, [key]: '' },
        })
        void dispatch(key, item)
        return true
      },
      retryPending: (key, tempId) => {
        const item = get().pending[key]?.find((p) => p.tempId === tempId)
        if (item === undefined) return
        const again: PendingSend = { ...item, state: 'sending', error: null }
        setPending(key, (list) => list.map((p) => (p.tempId === tempId ? again : p)))
        void dispatch(key, again)
      },
      discardPending: (key, tempId) => {
        setPending(key, (list) => list.filter((p) => p.tempId !== tempId))
      },
      retryMessage: async (message) => {
        try {
          get().upsertMessages([await api.messages.retry({ messageId: message.id })])
        } catch (e) {
          get().notify(`Couldn't send it again: ${errorText(e)}`)
        }
      },
      discardMessage: async (message) => {
        try {
          await api.messages.discard({ messageId: message.id })
          get().dropMessage(message.conversationId, message.id)
        } catch (e) {
          get().notify(`Couldn't discard the text: ${errorText(e)}`)
        }
      },
      openNewConversation: (deviceId) => {
        set({ newConversation: { deviceId, recipients: [] }, selectedId: null })
      },
      closeNewConversation: () => {
        if (get().newConversation !== null) set({ newConversation: null })
      },
      updateNewConversation: (patch) => {
        const current = get().newConversation
        if (current !== null) set({ newConversation: { ...current, ...patch } })
      },
    }
  }
