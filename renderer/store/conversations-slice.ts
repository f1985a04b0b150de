// The conversation list: pages by cursor, newest first, kept in order as `conversations` events
// say rows changed. Only ids and a lookup live here, so a row re-renders only when its own
// conversation changes.
import type { Conversation, ConversationId, Cursor } from '../../shared/model'
import { ApiError } from '../../shared/api/result'
import { errorText } from '../api/facade'
import { without } from './records'
import type { SliceCreator, StoreDeps } from './types'

export const CONVERSATION_PAGE = 100

export interface ConversationList {
  readonly order: readonly ConversationId[]
  readonly byId: Readonly<Record<ConversationId, Conversation>>
  readonly older: Cursor | null
  readonly status: 'idle' | 'loading' | 'ready' | 'error'
  readonly loadingMore: boolean
  readonly error: string | null
}

export interface ConversationsSlice {
  readonly conversations: ConversationList
  readonly selectedId: ConversationId | null
  readonly loadConversations: () => Promise<void>
  readonly loadMoreConversations: () => Promise<void>
  /** Re-read changed rows (null: the whole list). */
  readonly refreshConversations: (ids: readonly ConversationId[] | null) => Promise<void>
  /** Fetch one conversation the list has not loaded (a thread opened from search). */
  readonly ensureConversation: (id: ConversationId) => Promise<void>
  readonly selectConversation: (id: ConversationId | null, focusMessageId?: number) => void
  readonly selectAdjacent: (step: 1 | -1) => void
  readonly markRead: (id: ConversationId) => Promise<void>
}

/** Newest first; equal dates by id so the order is total and stable. */
export function comesBefore(a: Conversation, b: Conversation): boolean {
  if (a.lastMessage.date !== b.lastMessage.date) return a.lastMessage.date > b.lastMessage.date
  return a.id > b.id
}

/**
 * Puts `c` where it belongs in the list. One that sorts past the part loaded stays out of the
 * order (the next page brings it in its place) but is kept in byId for a thread showing it.
 */
export function placeConversation(list: ConversationList, c: Conversation): ConversationList {
  const order = list.order.filter((id) => id !== c.id)
  let at = order.findIndex((id) => {
    const other = list.byId[id]
    return other !== undefined && comesBefore(c, other)
  })
  if (at === -1) at = order.length
  if (at < order.length || list.older === null) order.splice(at, 0, c.id)
  return { ...list, order, byId: { ...list.byId, [c.id]: c } }
}

function removeConversation(list: ConversationList, id: ConversationId): ConversationList {
  return { ...list, order: list.order.filter((x) => x !== id), byId: without(list.byId, id) }
}

const emptyList: ConversationList = {
  order: [],
  byId: {},
  older: null,
  status: 'idle',
  loadingMore: false,
  error: null,
}

export const createConversationsSlice =
  ({ api }: StoreDeps): SliceCreator<ConversationsSlice> =>
  (set, get) => {
    // A reload makes answers to earlier requests stale; the generation tells them apart.
    let generation = 0
    const update = (f: (list: ConversationList) => ConversationList) => {
      set({ conversations: f(get().conversations) })
    }
    return {
      conversations: emptyList,
      selectedId: null,
      loadConversations: async () => {
        const mine = ++generation
        update((l) => ({ ...l, status: l.status === 'ready' ? 'ready' : 'loading', error: null }))
        try {
          const page = await api.conversations.list({ limit: CONVERSATION_PAGE })
          if (mine !== generation) return
          const byId: Record<ConversationId, Conversation> = {}
          for (const c of page.items) byId[c.id] = c
          // The open thread's header keeps its conversation even if it is not on page one.
          const open = get().selectedId
          const kept = open === null ? undefined : get().conversations.byId[open]
          if (kept !== undefined && byId[kept.id] === undefined) byId[kept.id] = kept
          set({
            conversations: {
              ...emptyList,
              order: page.items.map((c) => c.id),
              byId,
              older: page.older,
              status: 'ready',
            },
          })
        } catch (e) {
          if (mine === generation) update((l) => ({ ...l, status: 'error', error: errorText(e) }))
        }
      },
      loadMoreConversations: async () => {
        const { older, loadingMore, status } = get().conversations
        if (older === null || loadingMore || status !== 'ready') return
        const mine = generation
        update((l) => ({ ...l, loadingMore: true }))
        try {
          const page = await api.conversations.list({ cursor: older, limit: CONVERSATION_PAGE })
          if (mine !== generation) return
          update((l) => {
            const byId = { ...l.byId }
            const fresh = page.items.filter((c) => byId[c.id] === undefined)
            for (const c of page.items) byId[c.id] = c
            return {
              ...l,
              order: [...l.order, ...fresh.map((c) => c.id)],
              byId,
              older: page.older,
              loadingMore: false,
            }
          })
        } catch (e) {
          update((l) => ({ ...l, loadingMore: false }))
          get().notify(`Couldn't load more conversations: ${errorText(e)}`)
        }
      },
      refreshConversations: async (ids) => {
        if (ids === null) return get().loadConversations()
        const mine = generation
        await Promise.all(
          ids.map(async (id) => {
            try {
              const c = await api.conversations.get({ conversationId: id })
              if (mine === generation) update((l) => placeConversation(l, c))
            } catch (e) {
              if (e instanceof ApiError && e.code === 'not_found') {
                update((l) => removeConversation(l, id))
              } else {
                get().notify(`Couldn't update a conversation: ${errorText(e)}`)
              }
            }
          }),
        )
      },
      ensureConversation: async (id) => {
        if (get().conversations.byId[id] === undefined) await get().refreshConversations([id])
      },
      selectConversation: (id, focusMessageId) => {
        set({ selectedId: id })
        if (id === null) return
        get().closeNewConversation()
        void get().openThread(id, focusMessageId ?? null)
        const c = get().conversations.byId[id]
        if (c === undefined || c.unreadCount > 0) void get().markRead(id)
      },
      selectAdjacent: (step) => {
        const { order } = get().conversations
        const current = get().selectedId
        const at = current === null ? -1 : order.indexOf(current)
        const next = order[at === -1 ? (step === 1 ? 0 : order.length - 1) : at + step]
        if (next !== undefined) get().selectConversation(next)
        if (at + step >= order.length - 5) void get().loadMoreConversations()
      },
      markRead: async (id) => {
        try {
          await api.conversations.markRead({ conversationId: id })
          const c = get().conversations.byId[id]
          if (c !== undefined && c.unreadCount > 0) {
            update((l) => ({ ...l, byId: { ...l.byId, [id]: { ...c, unreadCount: 0 } } }))
          }
        } catch (e) {
          get().notify(`Couldn't mark the conversation read: ${errorText(e)}`)
        }
      },
    }
  }
