// Search as you type. The first keystroke is sent at once; while a query is in flight, later
// keystrokes only update the text, and the newest text goes out when the answer lands. So at
// most one query is on the wire and an answer for stale text is dropped, never drawn.
// (A fixed debounce would spend most of the 50 ms keystroke-to-results budget doing nothing.)
import type { ConversationId, SearchHit, SearchPage } from '../../shared/model'
import type { SearchQuery } from '../../shared/model/search'
import { errorText } from '../api/facade'
import type { SliceCreator, StoreDeps } from './types'

export const SEARCH_PAGE = 30

export interface SearchFilters {
  readonly conversationId?: ConversationId
  /** Inclusive start of the date range (ms). */
  readonly from?: number
  /** Exclusive end of the date range (ms). */
  readonly to?: number
  readonly direction?: 'incoming' | 'outgoing'
}

export interface SearchState {
  readonly text: string
  readonly filters: SearchFilters
  readonly status: 'idle' | 'searching' | 'ready' | 'error'
  /** The first page's facts (total, conversation hits, indexing) plus every hit loaded. */
  readonly result: (Omit<SearchPage, 'hits'> & { readonly hits: readonly SearchHit[] }) | null
  readonly loadingMore: boolean
  readonly error: string | null
}

export interface SearchSlice {
  readonly search: SearchState
  readonly setSearchText: (text: string) => void
  readonly setSearchFilters: (filters: SearchFilters) => void
  readonly loadMoreResults: () => Promise<void>
  readonly clearSearch: () => void
}

const idle: SearchState = {
  text: '',
  filters: {},
  status: 'idle',
  result: null,
  loadingMore: false,
  error: null,
}

export function isSearching(s: SearchState): boolean {
  return s.text.trim().length > 0
}

export const createSearchSlice =
  ({ api }: StoreDeps): SliceCreator<SearchSlice> =>
  (set, get) => {
    let inFlight = false
    const update = (patch: Partial<SearchState>) => {
      set({ search: { ...get().search, ...patch } })
    }
    const queryFor = (s: SearchState): SearchQuery => ({
      text: s.text,
      ...s.filters,
      limit: SEARCH_PAGE,
      withTotal: true,
    })
    const sameQuery = (a: SearchState, b: SearchState) =>
      a.text === b.text && JSON.stringify(a.filters) === JSON.stringify(b.filters)

    const run = async () => {
      if (inFlight) return
      const asked = get().search
      if (!isSearching(asked)) return
      inFlight = true
      let outcome: { page: SearchPage } | { error: string }
      try {
        outcome = { page: await api.search.query(queryFor(asked)) }
      } catch (e) {
        outcome = { error: errorText(e) }
      }
      inFlight = false
      const now = get().search
      if (!sameQuery(asked, now)) {
        // The text changed while this was out: its answer is stale, ask for the newest text.
        void run()
        return
      }
      if ('page' in outcome) {
        update({ status: 'ready', result: outcome.page, error: null, loadingMore: false })
      } else {
        update({ status: 'error', error: outcome.error })
      }
    }

    return {
      search: idle,
      setSearchText: (text) => {
        if (text.trim().length === 0) {
          update({ text, status: 'idle', result: null, error: null })
          return
        }
        update({ text, status: 'searching' })
        void run()
      },
      setSearchFilters: (filters) => {
        update({ filters, status: isSearching(get().search) ? 'searching' : 'idle' })
        void run()
      },
      loadMoreResults: async () => {
        const asked = get().search
        const older = asked.result?.older ?? null
        if (older === null || asked.loadingMore || asked.status !== 'ready') return
        update({ loadingMore: true })
        try {
          const page = await api.search.query({
            ...queryFor(asked),
            cursor: older,
            withTotal: false,
          })
          const now = get().search
          if (!sameQuery(asked, now) || now.result === null) return
          update({
            loadingMore: false,
            result: { ...now.result, hits: [...now.result.hits, ...page.hits], older: page.older },
          })
        } catch (e) {
          update({ loadingMore: false })
          get().notify(`Couldn't load more results: ${errorText(e)}`)
        }
      },
      clearSearch: () => {
        set({ search: idle })
      },
    }
  }
