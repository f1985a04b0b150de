// Keyboard first: new message, search, next/previous conversation, escape. Ctrl on Windows and
// Linux, Cmd on macOS.
import { useEffect } from 'react'
import type { AppStore } from '../../store/app-store'
import { isSearching } from '../../store/search-slice'

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      target instanceof HTMLInputElement ||
      target instanceof HTMLTextAreaElement ||
      target instanceof HTMLSelectElement)
  )
}

export function focusSearch(): void {
  const input = document.getElementById('search-input')
  if (input instanceof HTMLInputElement) {
    input.focus()
    input.select()
  }
}

export function handleShortcut(store: AppStore, e: KeyboardEvent): boolean {
  const s = store.getState()
  const mod = e.ctrlKey || e.metaKey
  // Dialogs own the keyboard while open (they handle Escape and trap Tab themselves).
  if (s.overlay !== 'none' || document.querySelector('[aria-modal="true"]') !== null) return false
  if (mod && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'n') {
    s.openNewConversation(null)
    return true
  }
  if (
    (mod && !e.altKey && e.key.toLowerCase() === 'f') ||
    (e.key === '/' && !isEditable(e.target))
  ) {
    focusSearch()
    return true
  }
  if (
    (e.altKey && !mod && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) ||
    (e.ctrlKey && e.key === 'Tab')
  ) {
    const down = e.key === 'ArrowDown' || (e.key === 'Tab' && !e.shiftKey)
    s.selectAdjacent(down ? 1 : -1)
    return true
  }
  if (e.key === 'Escape' && !e.defaultPrevented) {
    if (s.newConversation !== null) s.closeNewConversation()
    else if (isSearching(s.search) || Object.keys(s.search.filters).length > 0) s.clearSearch()
    else if (s.selectedId !== null) s.selectConversation(null)
    else return false
    return true
  }
  return false
}

export function useShortcuts(store: AppStore): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (handleShortcut(store, e)) e.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => {
      window.removeEventListener('keydown', onKeyDown)
    }
  }, [store])
}
