// The window: warnings on top, then either the pairing page (no phone yet, or pairing another)
// or the inbox (sidebar and the open conversation), with dialogs and notices over it.
import { useApp, useServices } from '../../store/context'
import { pairedDevices } from '../../store/status-slice'
import { LinkPrompt } from '../common/links'
import { NewConversationPane } from '../compose/NewConversationPane'
import { PairingScreen } from '../pairing/PairingScreen'
import { SettingsDialog } from '../settings/SettingsDialog'
import { KeyWarning, LinkBanner, NoTokenScreen } from '../status/Banners'
import { PictureLightbox } from '../thread/Lightbox'
import { ThreadPane } from '../thread/ThreadPane'
import { FileDrop } from './FileDrop'
import { Announcer, Notices } from './Notices'
import { MOD, Sidebar } from './Sidebar'
import { useShortcuts } from './use-shortcuts'

export function App() {
  const { store } = useServices()
  useShortcuts(store)
  const noToken = useApp((s) => s.link.state === 'no_token')
  if (noToken) return <NoTokenScreen />
  return (
    <div className="app">
      <KeyWarning />
      <LinkBanner />
      <Screen />
      <Notices />
      <Announcer />
      <LinkPrompt />
    </div>
  )
}

function Screen() {
  const loaded = useApp((s) => s.devicesLoaded)
  const needsPairing = useApp((s) => pairedDevices(s.devices).length === 0)
  const overlay = useApp((s) => s.overlay)
  if (!loaded) {
    return (
      <main className="center-screen" role="status">
        <span className="spinner" aria-hidden="true" /> Connecting to Textbridge…
      </main>
    )
  }
  if (needsPairing || overlay === 'pairing') return <PairingScreen />
  return (
    <div className="inbox">
      <Sidebar />
      <MainPane />
      {overlay === 'settings' && <SettingsDialog />}
      <PictureLightbox />
      <FileDrop />
    </div>
  )
}

function MainPane() {
  const selectedId = useApp((s) => s.selectedId)
  const composing = useApp((s) => s.newConversation !== null)
  return (
    <main className="main-pane">
      {composing ? (
        <NewConversationPane />
      ) : selectedId !== null ? (
        <ThreadPane key={selectedId} conversationId={selectedId} />
      ) : (
        <div className="empty-pane">
          <p className="strong">Choose a conversation</p>
          <p className="muted">
            Or start a new one with {MOD}N. Search every message with {MOD}F or /.
          </p>
        </div>
      )}
    </main>
  )
}
