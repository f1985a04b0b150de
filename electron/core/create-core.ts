// The desktop core's composition root: archive, identity, settings, phones, pairing and the API
// handlers, wired once. The Electron main process and the web-mode host both build one of these
// and differ only in the hooks they pass (native dialogs, the demo phone).
import { mkdirSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import type { AppInfo } from '../../shared/api/contract'
import type { HandshakeResult, PairingResult } from '../../shared/protocol'
import type { CoreApi, ApiHandlers } from './api/handlers'
import type { BackoffOptions } from './phones/backoff'
import type { PhoneFinder } from './discovery/discovery'
import { loadOrCreateIdentity } from './identity/identity'
import type { KeyVault } from './identity/key-vault'
import type { Logger } from './log'
import { dialPhone, type Dialled, type DialOptions } from './net/dial'
import type { HelloBody } from './net/session'
import { PairingFlow } from './pairing/pairing-flow'
import { ArchiveHost } from './archive/host'
import type { RemoteArchive } from './archive/surface'
import { EventHub } from './events/event-hub'
import { archiveHandlers } from './api/handlers-archive'
import { dataHandlers } from './api/handlers-data'
import { composeHandlers } from './api/handlers-compose'
import { attachmentHandlers } from './api/handlers-attachments'
import { ComposeStaging } from './compose/staging'
import { DataService } from './data/data-service'
import { phoneHandlers, type HostHooks } from './api/handlers-phones'
import { Phones } from './phones/phones'
import { DEFAULT_SENDS_PER_MINUTE, SendGuard, type SendGuardOptions } from './api/send-guard'
import { Settings } from './settings'
import { DESKTOP_CAPABILITIES } from './net/capabilities'

export interface CoreOptions {
  readonly dataDir: string
  readonly vault: KeyVault
  readonly finder: PhoneFinder
  readonly host: AppInfo['host']
  readonly demo: boolean
  readonly version: string
  readonly log: Logger
  readonly desktopName?: string
  readonly now?: () => number
  readonly hooks?: HostHooks
  readonly confirmNewRecipients?: SendGuardOptions['confirmNewRecipients']
  readonly sendsPerMinute?: number
  /** Reconnect delays (tests shorten them). */
  readonly reconnect?: BackoffOptions
  /** Keepalive timings (PROTOCOL.md §7 defaults; tests on a cut link shorten them). */
  readonly keepalive?: { readonly idleMs: number; readonly timeoutMs: number }
  readonly dial?: (options: DialOptions) => Promise<Dialled<HandshakeResult | PairingResult>>
  /** The country for numbers in backups imported before any phone is paired (else the locale's). */
  readonly region?: string | null
  /** The archive worker's entry point (the Electron bundle's own); TypeScript beside it otherwise. */
  readonly archiveWorker?: string
}

export interface Core {
  readonly api: CoreApi
  readonly archive: RemoteArchive
  /** The archive's threads (tests inject crashes through it). */
  readonly archiveHost: ArchiveHost
  readonly phones: Phones
  readonly pairing: PairingFlow
  start(): void
  /** Stops every connection, then closes the archive after the writes already made. */
  stop(): Promise<void>
}

export { DESKTOP_CAPABILITIES }

export async function createCore(options: CoreOptions): Promise<Core> {
  const now = options.now ?? Date.now
  const log = options.log
  // First run: the folder may not exist yet. Only this user may read it (the archive is private).
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 })
  const archiveFile = join(options.dataDir, 'archive.sqlite')
  const archiveHost = await ArchiveHost.start({
    path: archiveFile,
    now,
    log,
    ...(options.archiveWorker === undefined ? {} : { workerEntry: options.archiveWorker }),
  })
  const archive = archiveHost.archive
  const recovered = await archive.outbox.recoverAfterCrash()
  if (recovered > 0) log.log('warn', 'outbox.recovered_unknown', { count: recovered })
  const settings = new Settings(join(options.dataDir, 'settings.json'), log)
  const identity = await loadOrCreateIdentity(options.vault)
  const desktopName = options.desktopName ?? friendlyName()
  const hello: HelloBody = {
    role: 'desktop',
    app: 'textbridge-desktop',
    appVersion: options.version,
    protocol: 1,
    capabilities: [...DESKTOP_CAPABILITIES],
    device: { name: desktopName },
  }
  const baseDial = options.dial ?? dialPhone
  const keepalive = options.keepalive
  const dial: typeof baseDial =
    keepalive === undefined
      ? baseDial
      : (o) =>
          baseDial({
            ...o,
            keepaliveIdleMs: keepalive.idleMs,
            keepaliveTimeoutMs: keepalive.timeoutMs,
          })
  const events = new EventHub()
  const phones = new Phones({
    archive,
    settings,
    identity,
    hello,
    finder: options.finder,
    dial,
    events,
    log,
    now,
    ...(options.reconnect === undefined ? {} : { reconnect: options.reconnect }),
  })
  const pairing = new PairingFlow({
    identity,
    desktopName,
    desktopId: settings.desktopId,
    hello,
    finder: options.finder,
    dial: dial as (o: DialOptions) => Promise<Dialled<PairingResult>>,
    log,
    now,
    onPaired: (pairingInfo, session) => phones.add(pairingInfo, session),
  })
  pairing.on('state', (state) => {
    events.emit({ type: 'pairing', pairing: state })
  })
  const guard = new SendGuard({
    perMinute: options.sendsPerMinute ?? DEFAULT_SENDS_PER_MINUTE,
    now,
    confirmNewRecipients: options.confirmNewRecipients ?? null,
  })
  const staging = new ComposeStaging(now)
  const data = new DataService({
    host: archiveHost,
    archive,
    dataDir: options.dataDir,
    archiveFile,
    phones,
    events,
    log,
    region: options.region ?? regionOfLocale(),
    chooseSavePath: options.hooks?.chooseSavePath ?? null,
    now,
  })
  await data.start()
  const info: AppInfo = {
    version: options.version,
    host: options.host,
    demo: options.demo,
    keyProtection: options.vault.protection,
    keyWarning: options.vault.warning,
  }
  const handlers: ApiHandlers = {
    ...phoneHandlers(
      info,
      archive,
      phones,
      pairing,
      settings,
      options.hooks ?? { openLink: null, demoScan: null },
    ),
    ...archiveHandlers(archive, phones, guard, staging),
    ...composeHandlers(staging),
    ...attachmentHandlers(archive, phones, options.hooks?.chooseSavePath ?? null),
    ...dataHandlers(data),
  }
  let rebuildTimer: ReturnType<typeof setTimeout> | null = null
  const startPhones = () => {
    phones.startAll().catch((e: unknown) => {
      log.log('error', 'phones.start_failed', { error: e instanceof Error ? e.name : 'error' })
    })
  }
  // A crashed writer lost only uncommitted work; each phone resumes from what was committed.
  const offRestart = archiveHost.onRestart((role) => {
    if (role !== 'writer') return
    phones.restartAll().catch((e: unknown) => {
      log.log('error', 'phones.restart_failed', { error: e instanceof Error ? e.name : 'error' })
    })
  })
  return {
    api: { handlers, onEvent: (listener) => events.on(listener) },
    archive,
    archiveHost,
    phones,
    pairing,
    start() {
      options.finder.start()
      startPhones()
      // An index left dirty by a crash mid-rebuild is rebuilt once the app is up; a back-fill
      // still in progress rebuilds it itself when it completes.
      rebuildTimer = setTimeout(() => {
        rebuildIfDirty(archive).then(
          (rebuilt) => {
            if (rebuilt) log.log('info', 'search.rebuilt_after_crash')
          },
          (e: unknown) => {
            log.log('warn', 'search.rebuild_failed', {
              error: e instanceof Error ? e.name : 'error',
            })
          },
        )
      }, 2_000)
      rebuildTimer.unref()
    },
    async stop() {
      if (rebuildTimer !== null) clearTimeout(rebuildTimer)
      offRestart()
      pairing.cancel()
      phones.stopAll()
      options.finder.stop()
      await archiveHost.close()
    },
  }
}

async function rebuildIfDirty(archive: RemoteArchive): Promise<boolean> {
  for (const d of await archive.devices.list()) {
    const h = (await archive.sync.state(d.id)).history
    if (d.unpairedAt === null && h.started && !h.done) return false
  }
  return archive.searchIndex.rebuildIfDirty()
}

/** This computer's country as its locale says it (en-GB: GB), if it says one. */
function regionOfLocale(): string | null {
  try {
    const locale = new Intl.Locale(Intl.DateTimeFormat().resolvedOptions().locale).maximize()
    return locale.region ?? null
  } catch {
    return null
  }
}

function friendlyName(): string {
  const name = hostname()
    .replace(/\.local$/, '')
    .slice(0, 64)
  return name.length > 0 ? name : 'Desktop'
}
