// Renders real components over a fresh store and a FakeCore, inside a mock viewport so the
// virtual lists draw rows in jsdom (which has no layout).
import { render, type RenderResult } from '@testing-library/react'
import type { ReactNode } from 'react'
import { VirtuosoMockContext } from 'react-virtuoso'
import { createApi } from '../api/facade'
import { createAppStore, type AppStore } from '../store/app-store'
import { connectBridge } from '../store/bridge'
import { AppProvider } from '../store/context'
import { FakeCore } from './fake-core'

export interface Rendered extends RenderResult {
  readonly core: FakeCore
  readonly store: AppStore
}

export function setup(core = new FakeCore()): { core: FakeCore; store: AppStore } {
  const api = createApi(core.transport)
  const store = createAppStore(api)
  return { core, store }
}

export function renderWith(
  ui: ReactNode,
  options: { core?: FakeCore; store?: AppStore; bridge?: boolean; host?: 'web' | 'electron' } = {},
): Rendered {
  const core = options.core ?? new FakeCore()
  const api = createApi(core.transport)
  const store = options.store ?? createAppStore(api)
  if (options.bridge === true) connectBridge(core.transport, store)
  const result = render(
    <VirtuosoMockContext.Provider value={{ viewportHeight: 2000, itemHeight: 40 }}>
      <AppProvider
        services={{ store, api, host: options.host ?? 'web', reconnectNow: () => undefined }}
      >
        {ui}
      </AppProvider>
    </VirtuosoMockContext.Provider>,
  )
  return { ...result, core, store }
}
