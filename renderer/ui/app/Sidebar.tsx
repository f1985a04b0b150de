// The left column: the app's actions, search, every phone's status, and the conversation list
// (or the search results while searching).
import { isSearching } from '../../store/search-slice'
import { useActions, useApp } from '../../store/context'
import { ConversationList } from '../conversations/ConversationList'
import { SearchBox } from '../search/SearchBox'
import { hasFilters, SearchFilters } from '../search/SearchFilters'
import { SearchResults } from '../search/SearchResults'
import { StatusPanel } from '../status/StatusPanel'

const mac = /Mac|iPhone|iPad/.test(navigator.userAgent)
export const MOD = mac ? '⌘' : 'Ctrl+'

export function Sidebar() {
  const searching = useApp((s) => isSearching(s.search) || hasFilters(s.search.filters))
  const { openNewConversation, openOverlay } = useActions()
  return (
    <aside className="sidebar">
      <header className="sidebar-header">
        <h1 className="app-title">Textbridge</h1>
        <button
          type="button"
          className="icon-button"
          title={`New message (${MOD}N)`}
          aria-keyshortcuts="Control+N Meta+N"
          onClick={() => {
            openNewConversation(null)
          }}
        >
          <span className="visually-hidden">New message</span>
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path
              fill="currentColor"
              d="M4 17.3V20h2.7l8-8-2.7-2.7-8 8zM18.7 8a.8.8 0 0 0 0-1L17 5.3a.8.8 0 0 0-1 0l-1.4 1.4 2.7 2.7L18.7 8z"
            />
          </svg>
        </button>
        <button
          type="button"
          className="icon-button"
          title="Settings"
          onClick={() => {
            openOverlay('settings')
          }}
        >
          <span className="visually-hidden">Settings</span>
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path
              fill="currentColor"
              d="M19.4 13a7.5 7.5 0 0 0 0-2l2.1-1.6-2-3.5-2.5 1a7.6 7.6 0 0 0-1.7-1L15 3h-4l-.4 2.8a7.6 7.6 0 0 0-1.7 1l-2.5-1-2 3.5L6.6 11a7.5 7.5 0 0 0 0 2l-2.1 1.6 2 3.5 2.5-1c.5.4 1.1.7 1.7 1L11 21h4l.4-2.8c.6-.3 1.2-.6 1.7-1l2.5 1 2-3.5L19.4 13zM13 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7z"
            />
          </svg>
        </button>
      </header>
      <SearchBox />
      {searching && <SearchFilters />}
      <StatusPanel />
      {searching ? <SearchResults /> : <ConversationList />}
    </aside>
  )
}
