// The whole store's shape, and the StateCreator type every slice is written against, so a slice
// can read (never write) its neighbours' state through get().
import type { StateCreator } from 'zustand/vanilla'
import type { Api } from '../api/facade'
import type { ComposeSlice } from './compose-slice'
import type { ConversationsSlice } from './conversations-slice'
import type { DataSlice } from './data-slice'
import type { DraftFilesSlice } from './draft-files-slice'
import type { PairingSlice } from './pairing-slice'
import type { SearchSlice } from './search-slice'
import type { StatusSlice } from './status-slice'
import type { ThreadsSlice } from './threads-slice'
import type { UiSlice } from './ui-slice'

export type AppState = StatusSlice &
  PairingSlice &
  ConversationsSlice &
  ThreadsSlice &
  ComposeSlice &
  DraftFilesSlice &
  SearchSlice &
  DataSlice &
  UiSlice

export type SliceCreator<T> = StateCreator<AppState, [], [], T>

export interface StoreDeps {
  readonly api: Api
  readonly now: () => number
}
