// Writing and sending: drafts per conversation, the SIM chosen per conversation, and the
// optimistic bubbles shown the moment Send is pressed (performance target 7: "sending" within
// one frame), replaced by the core's message when messages.send answers. Retry and discard of
// texts the core reported failed or unknown live here too, as does the new-conversation form.
// A text with pictures sends the files staged for its draft (draft-files-slice.ts); its bubble
// shows the pictures from their blob: URLs until the core's message replaces it.
import type { ArchivedMessage, ConversationId, DeviceId } from '../../shared/model'
import { MAX_SEND_BODY } from '../../shared/api/contract'
import { errorText } from '../api/facade'
import type { SliceCreator, StoreDeps } from './types'

export type SendTarget =
  | { readonly conversationId: ConversationId }
  | { readonly deviceId: DeviceId; readonly addresses: readonly string[] }

/** A file of a pending text, as its bubble shows it. */
export interface PendingAttachment {
  readonly name: string
  readonly mime: string
  readonly size: number
  /** The blob: URL of the picture being sent; null for other files. */
  readonly previewUrl: string | null
}

/** A text the user sent that the core has not yet answered for (or refused). */
export interface PendingSend {
  readonly tempId: number
  readonly target: SendTarget
  readonly body: string
  readonly subId: number | null
  readonly createdAt: number
  readonly state: 'sending' | 'failed'
  readonly error: string | null
  readonly attachments: readonly PendingAttachment[]
  /** The staged files, in order; they stay staged until the core takes them or it is discarded. */
  readonly stageIds: readonly string[]
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
  /**
   * Returns false (and sends nothing) for an over-long text, one with neither words nor files,
   * or while the draft's files are still being prepared.
   */
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
    const forget = (item: PendingSend) => {
      for (const a of item.attachments) if (a.previewUrl !== null) URL.revokeObjectURL(a.previewUrl)
    }

    const dispatch = async (key: string, item: PendingSend) => {
      const to =
        'conversationId' in item.target
          ? { conversationId: item.target.conversationId }
          : { deviceId: item.target.deviceId, addresses: [...item.target.addresses] }
      try {
        const files = item.stageIds.length > 0 ? { attachments: [...item.stageIds] } : {}
        const message = await api.messages.send({
          to,
          body: item.body,
          subId: item.subId,
          ...files,
        })
        setPending(key, (list) => list.filter((p) => p.tempId !== item.tempId))
        forget(item)
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
        if (body.length > MAX_SEND_BODY) return false
        const attached = (get().draftFiles[key] ?? []).length > 0
        if (body.trim().length === 0 && !attached) return false
        const files = attached ? get().takeDraftFiles(key) : []
        if (files === null) return false
        const item: PendingSend = {
          tempId: nextTemp--,
          target,
          body,
          subId,
          createdAt: now(),
          state: 'sending',
          error: null,
          attachments: files.map((f) => ({
            name: f.name,
            mime: f.mime,
            size: f.size ?? f.originalSize,
            previewUrl: f.previewUrl,
          })),
          stageIds: files.flatMap((f) => (f.stageId === null ? [] : [f.stageId])),
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
        const item = get().pending[key]?.find((p) => p.tempId === tempId)
        if (item === undefined) return
        setPending(key, (list) => list.filter((p) => p.tempId !== tempId))
        forget(item)
        for (const stageId of item.stageIds) {
          void api.compose.unstage({ stageId }).catch(() => undefined)
        }
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
