// Web mode: `npm run demo -- --web` (built-in demo phone) or `npm start -- --web` (a real phone
// found with mDNS). Serves the renderer bundle and the API bridge on 127.0.0.1 only, and prints
// the URL with its one-time token.
import { existsSync, mkdtempSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import { FileKeyVault } from '../core/identity/key-vault'
import { MdnsDiscovery } from '../core/discovery/discovery'
import { createCore } from '../core/create-core'
import { DEMO_CHATTER_MS, loadHistory, startDemo, type RunningDemo } from '../demo/demo-setup'
import { createLogger, stderrSink } from '../core/log'
import { startWebHost } from './web-host'
import { APP_VERSION } from '../core/version'

const { values } = parseArgs({
  options: {
    demo: { type: 'boolean', default: false },
    port: { type: 'string', default: '0' },
    data: { type: 'string' },
    history: { type: 'string' },
    // Demo only: someone texts the demo phone every this many seconds (0: never).
    chatter: { type: 'string', default: String(DEMO_CHATTER_MS / 1000) },
    verbose: { type: 'boolean', default: false },
    // The archive thread's compiled entry (npm start/demo pass the one they just built, which
    // starts in a fraction of the time the TypeScript source takes); the source otherwise.
    'archive-worker': { type: 'string' },
  },
})

const log = createLogger(stderrSink(values.verbose ? 'debug' : 'info'))
const staticDir = fileURLToPath(new URL('../../out/renderer/', import.meta.url))
if (!existsSync(join(staticDir, 'index.html'))) {
  console.error(
    'The window has not been built yet: run `npm run build` first (npm run demo does it for you).',
  )
  process.exit(1)
}

const dataDir =
  values.data ??
  (values.demo
    ? mkdtempSync(join(tmpdir(), 'textbridge-demo-'))
    : join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'textbridge'))

let demo: RunningDemo | null = null
if (values.demo)
  demo = await startDemo({
    ...(values.history === undefined ? {} : { history: loadHistory(values.history) }),
    log,
    // --chatter 0 turns the unprompted texts (and pictures) off, as the browser specs need.
    chatterMs: Number(values.chatter) > 0 ? Number(values.chatter) * 1000 : null,
  })

const core = await createCore({
  dataDir,
  vault: new FileKeyVault(join(dataDir, 'identity.key')),
  finder: demo?.finder ?? new MdnsDiscovery(log),
  host: 'web',
  demo: demo !== null,
  version: APP_VERSION,
  log,
  ...(values['archive-worker'] === undefined ? {} : { archiveWorker: values['archive-worker'] }),
  hooks: { openLink: null, demoScan: demo === null ? null : demoScanner(demo) },
})
core.start()
const host = await startWebHost({ api: core.api, staticDir, log, port: Number(values.port) })
console.log(`Textbridge is running at ${host.url}`)
console.log(demo === null ? `Data: ${dataDir}` : `Demo data (temporary): ${dataDir}`)

function demoScanner(running: RunningDemo): (uri: string) => void {
  return (uri) => {
    running.scan(uri)
  }
}

let stopping = false
const stop = () => {
  if (stopping) return
  stopping = true
  void (async () => {
    await host.close()
    await core.stop()
    await demo?.stop()
    process.exit(0)
  })()
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
