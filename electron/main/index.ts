// Electron composition root: the plain-Node core, hosted in the main process, with the few
// things only Electron can do (safeStorage, native dialogs, notifications, the window).
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow } from 'electron'
import { createCore, type Core } from '../core/create-core'
import { MdnsDiscovery } from '../core/discovery/discovery'
import { startDemo, type RunningDemo } from '../demo/demo-setup'
import { createLogger, stderrSink } from '../core/log'
import {
  chooseSavePath,
  confirmAndOpenLink,
  confirmNewRecipient,
  notifyIncoming,
} from './shell/desktop-integration'
import { registerIpc } from './shell/ipc'
import { SafeStorageVault } from './shell/safe-storage-vault'
import { createMainWindow } from './shell/window'
import { IPC_EVENT_CHANNEL } from '../../shared/api/bridge'
import { APP_VERSION } from '../core/version'

app.enableSandbox()
if (!app.requestSingleInstanceLock()) app.quit()

const log = createLogger(stderrSink(process.argv.includes('--verbose') ? 'debug' : 'info'))
let core: Core | null = null
let demo: RunningDemo | null = null

async function start(): Promise<void> {
  const window = createMainWindow()
  if (process.argv.includes('--demo')) demo = await startDemo({ log })
  const dataDir =
    demo === null
      ? app.getPath('userData')
      : join(app.getPath('temp'), `textbridge-demo-${process.pid}`)
  core = await createCore({
    dataDir,
    vault: new SafeStorageVault(join(dataDir, 'identity.bin')),
    finder: demo?.finder ?? new MdnsDiscovery(log),
    host: 'electron',
    demo: demo !== null,
    version: APP_VERSION,
    log,
    hooks: {
      openLink: (url) => confirmAndOpenLink(window, url),
      demoScan: demo === null ? null : (uri) => demo?.scan(uri),
      chooseSavePath: (name, purpose) =>
        chooseSavePath(
          window,
          name,
          purpose,
          app.getPath(purpose === 'export' ? 'documents' : 'downloads'),
        ),
    },
    confirmNewRecipients: (addresses, phone) => confirmNewRecipient(window, addresses, phone),
    // Bundled beside this file by electron-vite (a second entry of the main build).
    archiveWorker: join(dirname(fileURLToPath(import.meta.url)), 'archive-worker.js'),
  })
  const api = core.api
  registerIpc(api, api.handlers, window, log)
  notifyIncoming(api, window, (conversationId) => {
    window.webContents.send(IPC_EVENT_CHANNEL, { type: 'open', conversationId })
  })
  core.start()
}

void app.whenReady().then(start)

app.on('second-instance', () => {
  const [window] = BrowserWindow.getAllWindows()
  if (window === undefined) return
  if (window.isMinimized()) window.restore()
  window.focus()
})

app.on('window-all-closed', () => {
  app.quit()
})

// The archive's threads finish the writes already made before the app exits.
let quitting = false
app.on('will-quit', (event) => {
  if (quitting) return
  quitting = true
  event.preventDefault()
  void Promise.allSettled([core?.stop(), demo?.stop()]).then(() => {
    app.exit(0)
  })
})
