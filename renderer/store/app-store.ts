// One store per window (and a fresh one per test): every slice over the same facade.
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { Api } from '../api/facade'
import { createComposeSlice } from './compose-slice'
import { createConversationsSlice } from './conversations-slice'
import { createDataSlice } from './data-slice'
import { createDraftFilesSlice } from './draft-files-slice'
import { createPairingSlice } from './pairing-slice'
import { createSearchSlice } from './search-slice'
import { createStatusSlice } from './status-slice'
import { createThreadsSlice } from './threads-slice'
import type { AppState, StoreDeps } from './types'
import { createUiSlice } from './ui-slice'

export type AppStore = StoreApi<AppState>

export function createAppStore(api: Api, options: { now?: () => number } = {}): AppStore {
  const deps: StoreDeps = { api, now: options.now ?? Date.now }
  return createStore<AppState>()((...a) => ({
    ...createStatusSlice(deps)(...a),
    ...createPairingSlice(deps)(...a),
    ...createConversationsSlice(deps)(...a),
    ...createThreadsSlice(deps)(...a),
    ...createComposeSlice(deps)(...a),
    ...createDraftFilesSlice(deps)(...a),
    ...createSearchSlice(deps)(...a),
    ...createDataSlice(deps)(...a),
    ...createUiSlice()(...a),
  }))
}
