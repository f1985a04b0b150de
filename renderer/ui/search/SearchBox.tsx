// The one search box. Typing updates the store synchronously (the input never waits on the
// core); the search slice decides when a query goes out.
import { forwardRef, type KeyboardEvent } from 'react'
import { useActions, useApp } from '../../store/context'

export const SearchBox = forwardRef<HTMLInputElement>(function SearchBox(_props, ref) {
  const text = useApp((s) => s.search.text)
  const { setSearchText, clearSearch } = useActions()
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape' && (text.length > 0 || e.currentTarget.value.length > 0)) {
      e.stopPropagation()
      clearSearch()
    } else if (e.key === 'ArrowDown') {
      // Into the results, so they can be walked with the arrow keys.
      const first = document.querySelector<HTMLElement>('.search-results [data-result]')
      if (first !== null) {
        e.preventDefault()
        first.focus()
      }
    }
  }
  return (
    <div className="search-box" role="search">
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="search-icon">
        <path
          fill="currentColor"
          d="M10 4a6 6 0 0 1 4.8 9.6l5.3 5.3-1.4 1.4-5.3-5.3A6 6 0 1 1 10 4zm0 2a4 4 0 1 0 0 8 4 4 0 0 0 0-8z"
        />
      </svg>
      <input
        ref={ref}
        id="search-input"
        type="search"
        aria-label="Search messages"
        placeholder="Search messages"
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(e) => {
          setSearchText(e.target.value)
        }}
        onKeyDown={onKeyDown}
      />
    </div>
  )
})
