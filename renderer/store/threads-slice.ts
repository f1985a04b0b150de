// Open conversations: a window of messages each, grown by cursor as the reader scrolls, and
// kept current from `messages` events. A few recently opened threads stay cached so switching
// back is instant.
import type { ArchivedMessage, ConversationId, MessageId } from '../../shared/model'
import { ApiError } from '../../shared/api/result'
import { errorText } from '../api/facade'
import {
  loadingThread,
  mergeMessages,
  removeMessage,
  threadFromPage,
  type Thread,
} from './thread-window'
import { without } from './records'
import type { SliceCreator, StoreDeps } from './types'

export const MESSAGE_PAGE = 50
const AROUND_LIMIT = 61
const CACHED_THREADS = 8
/** Changed rows outside the newest page are re-read a few at a time, not all at once. */
const PATCH_BATCH = 20

export interface ThreadsSlice {
  readonly threads: Readonly<Record<ConversationId, Thread>>
  /** Open a thread at its newest message, or around `focusId` (a search hit). */
  readonly openThread: (conversationId: ConversationId, focusId: MessageId | null) => Promise<void>
  readonly loadOlder: (conversationId: ConversationId) => Promise<void>
  readonly loadNewer: (conversationId: ConversationId) => Promise<void>
  readonly refreshMessages: (
    conversationId: ConversationId,
    ids: readonly MessageId[],
  ) => Promise<void>
  readonly upsertMessages: (messages: readonly ArchivedMessage[]) => void
  readonly dropMessage: (conversationId: ConversationId, messageId: MessageId) => void
  readonly clearFocus: (conversationId: ConversationId) => void
}

export const createThreadsSlice =
  ({ api }: StoreDeps): SliceCreator<ThreadsSlice> =>
  (set, get) => {
    let version = 0
    const recent: ConversationId[] = []

    const put = (thread: Thread) => {
      let threads = { ...get().threads, [thread.conversationId]: thread }
      const at = recent.indexOf(thread.conversationId)
      if (at !== -1) recent.splice(at, 1)
      recent.push(thread.conversationId)
      while (recent.length > CACHED_THREADS) {
        const evicted = recent.shift()
        if (evicted !== undefined) threads = without(threads, evicted)
      }
      set({ threads })
    }
    const patch = (id: ConversationId, f: (t: Thread) => Thread) => {
      const thread = get().threads[id]
      if (thread !== undefined) set({ threads: { ...get().threads, [id]: f(thread) } })
    }
    const newest = (id: ConversationId, limit: number) =>
      api.messages.list({ conversationId: id, limit })
    // History arriving after the window reached "the start": ask whether anything now lies
    // before the first row, so paging can bring it in.
    const findOlder = async (id: ConversationId) => {
      const first = get().threads[id]?.ids[0]
      if (first === undefined) return
      const page = await api.messages.around({ conversationId: id, messageId: first, limit: 1 })
      if (page.older === null) return
      patch(id, (t) => (t.older === null && t.ids[0] === first ? { ...t, older: page.older } : t))
    }
    const refreshOne = async (id: ConversationId, messageId: MessageId) => {
      try {
        const page = await api.messages.around({ conversationId: id, messageId, limit: 1 })
        const changed = page.items.filter((m) => m.id === messageId)
        patch(id, (t) => mergeMessages(t, changed, true))
      } catch (e) {
        // Discarded here or deleted on the phone: it leaves the thread.
        if (e instanceof ApiError && e.code === 'not_found') {
          patch(id, (t) => removeMessage(t, messageId))
        } else throw e
      }
    }

    return {
      threads: {},
      openThread: async (id, focusId) => {
        const cached = get().threads[id]
        const mine = ++version
        if (focusId === null && cached?.status === 'ready' && cached.newer === null) {
          // Show the cached window at once, then catch up with anything that came meanwhile.
          put({ ...cached, focusId: null, version: mine })
          try {
            const page = await newest(id, MESSAGE_PAGE)
            patch(id, (t) => mergeMessages(t, page.items, true))
          } catch (e) {
            get().notify(`Couldn't refresh the conversation: ${errorText(e)}`)
          }
          return
        }
        put(loadingThread(id, mine))
        try {
          const page =
            focusId === null
              ? await newest(id, MESSAGE_PAGE)
              : await api.messages.around({
                  conversationId: id,
                  messageId: focusId,
                  limit: AROUND_LIMIT,
                })
          if (get().threads[id]?.version !== mine) return
          put(threadFromPage(id, page, focusId, mine))
        } catch (e) {
          if (get().threads[id]?.version !== mine) return
          patch(id, (t) => ({ ...t, status: 'error', error: errorText(e) }))
        }
      },
      loadOlder: async (id) => {
        const thread = get().threads[id]
        if (thread === undefined || thread.older === null || thread.loadingOlder) return
        const { older, version: v } = thread
        patch(id, (t) => ({ ...t, loadingOlder: true }))
        try {
          const page = await api.messages.list({
            conversationId: id,
            cursor: older,
            limit: MESSAGE_PAGE,
          })
          patch(id, (t) =>
            t.version !== v
              ? t
              : { ...mergeMessages(t, page.items, false), older: page.older, loadingOlder: false },
          )
        } catch (e) {
          patch(id, (t) => ({ ...t, loadingOlder: false }))
          get().notify(`Couldn't load older messages: ${errorText(e)}`)
        }
      },
      loadNewer: async (id) => {
        const thread = get().threads[id]
        if (thread === undefined || thread.newer === null || thread.loadingNewer) return
        const { newer, version: v } = thread
        patch(id, (t) => ({ ...t, loadingNewer: true }))
        try {
          const page = await api.messages.list({
            conversationId: id,
            cursor: newer,
            limit: MESSAGE_PAGE,
          })
          patch(id, (t) =>
            t.version !== v
              ? t
              : { ...mergeMessages(t, page.items, false), newer: page.newer, loadingNewer: false },
          )
        } catch (e) {
          patch(id, (t) => ({ ...t, loadingNewer: false }))
          get().notify(`Couldn't load newer messages: ${errorText(e)}`)
        }
      },
      refreshMessages: async (id, ids) => {
        const thread = get().threads[id]
        if (thread?.status !== 'ready') return
        try {
          let seen = new Set<MessageId>()
          if (thread.newer === null) {
            // New texts arrive at the end: one page read covers them and recent state changes.
            const page = await newest(id, Math.min(100, Math.max(MESSAGE_PAGE, ids.length + 10)))
            patch(id, (t) => mergeMessages(t, page.items, true))
            seen = new Set(page.items.map((m) => m.id))
          }
          // Older rows that changed (a retried or discarded text) are patched one by one.
          const loaded = get().threads[id]?.byId ?? {}
          const rest = ids.filter((m) => !seen.has(m) && loaded[m] !== undefined)
          const unseen = ids.some((m) => !seen.has(m) && loaded[m] === undefined)
          if (unseen && get().threads[id]?.older === null) await findOlder(id)
          for (let i = 0; i < rest.length; i += PATCH_BATCH) {
            const batch = rest.slice(i, i + PATCH_BATCH)
            await Promise.all(batch.map((messageId) => refreshOne(id, messageId)))
          }
        } catch (e) {
          get().notify(`Couldn't update the conversation: ${errorText(e)}`)
        }
      },
      upsertMessages: (messages) => {
        for (const m of messages) patch(m.conversationId, (t) => mergeMessages(t, [m], true))
      },
      dropMessage: (conversationId, messageId) => {
        patch(conversationId, (t) => removeMessage(t, messageId))
      },
      clearFocus: (id) => {
        patch(id, (t) => (t.focusId === null ? t : { ...t, focusId: null }))
      },
    }
  }
