// React access to the window's store, facade and transport. Components select the least state
// they need (`useApp(s => s.conversations.byId[id])`), so a change re-renders only its readers.
import { createContext, useContext, type ReactNode } from 'react'
import { useStore } from 'zustand'
import type { Api } from '../api/facade'
import type { AppStore } from './app-store'
import type { AppState } from './types'

export interface AppServices {
  readonly store: AppStore
  readonly api: Api
  /** Electron confirms and opens links natively; web mode confirms in the page. */
  readonly host: 'electron' | 'web'
  /** Reconnect the web bridge now instead of waiting for the backoff. */
  readonly reconnectNow: () => void
}

const ServicesContext = createContext<AppServices | null>(null)

export function AppProvider({
  services,
  children,
}: {
  services: AppServices
  children: ReactNode
}) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>
}

export function useServices(): AppServices {
  const services = useContext(ServicesContext)
  if (services === null) throw new Error('useServices outside AppProvider')
  return services
}

export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(useServices().store, selector)
}

/** Actions and one-off reads (in event handlers) without subscribing to changes. */
export function useActions(): AppState {
  return useServices().store.getState()
}
