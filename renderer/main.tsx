// Composition root: pick the host's transport (Electron preload or web-mode WebSocket), build
// the facade and the store over it, connect the one event bridge, and render.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { electronTransport } from './api/electron-transport'
import { createApi } from './api/facade'
import type { Transport } from './api/transport'
import { bridgeUrl, takeWebToken } from './api/web-token'
import { tokenlessTransport, webTransport } from './api/web-transport'
import { createAppStore } from './store/app-store'
import { connectBridge } from './store/bridge'
import { AppProvider } from './store/context'
import { App } from './ui/app/App'
import './styles/theme.css'
import './styles/layout.css'
import './styles/conversations.css'
import './styles/search.css'
import './styles/thread.css'
import './styles/pictures.css'
import './styles/compose.css'
import './styles/forms.css'
import './styles/pairing.css'

function chooseTransport(): Transport {
  if (window.textbridge !== undefined) return electronTransport(window.textbridge)
  const token = takeWebToken({ location, history, storage: sessionStorage })
  return token === null ? tokenlessTransport() : webTransport({ url: bridgeUrl(location, token) })
}

const transport = chooseTransport()
const api = createApi(transport)
const store = createAppStore(api)
connectBridge(transport, store)

const root = document.getElementById('root')
if (root === null) throw new Error('missing #root')
createRoot(root).render(
  <StrictMode>
    <AppProvider
      services={{ store, api, host: transport.kind, reconnectNow: transport.reconnectNow }}
    >
      <App />
    </AppProvider>
  </StrictMode>,
)
