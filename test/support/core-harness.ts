// A desktop core in a temporary folder paired (through its own API, as the UI does it) with a
// demo phone on loopback. For end-to-end tests of the core without a window.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CoreEvent } from '../../shared/api/events'
import type { ArgsOf, MethodName, ResultOf } from '../../shared/api/contract'
import type { HistoryFile } from '../../shared/history/schema'
import { dispatch } from '../../electron/core/api/dispatch'
import { createCore, type Core } from '../../electron/core/create-core'
import { startDemo, type RunningDemo } from '../../electron/demo/demo-setup'
import type { PhoneFinder } from '../../electron/core/discovery/discovery'
import { FileKeyVault } from '../../electron/core/identity/key-vault'
import { silentLogger } from '../../electron/core/log'

export interface Harness {
  readonly core: Core
  /** The in-process demo phone, when the harness runs one. */
  readonly demo: RunningDemo
  readonly dataDir: string
  readonly events: CoreEvent[]
  call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>>
  /** Resolves when `check` returns a value other than undefined, polling events and time. */
  until<T>(check: () => T | undefined | Promise<T | undefined>, timeoutMs?: number): Promise<T>
  stop(options?: { keepData?: boolean }): Promise<void>
}

export interface HarnessOptions {
  readonly history: HistoryFile
  readonly dataDir?: string
  readonly demo?: RunningDemo
  /** Another phone (the JVM runner): found through this finder instead of the demo phone. */
  readonly finder?: PhoneFinder
  /** Reconnect quickly: tests should not wait for the production backoff. */
  readonly fastReconnect?: boolean
  /** How the harness's own demo phone behaves (what it can send, its timings). */
  readonly phone?: Parameters<typeof startDemo>[0]['phone']
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'tb-core-'))
  const demo =
    options.demo ??
    (await startDemo({
      history: options.history,
      log: silentLogger,
      chatterMs: null,
      ...(options.phone === undefined ? {} : { phone: options.phone }),
    }))
  const core = await createCore({
    dataDir,
    vault: new FileKeyVault(join(dataDir, 'identity.key')),
    finder: options.finder ?? demo.finder,
    host: 'web',
    demo: true,
    version: 'test',
    log: silentLogger,
    desktopName: 'Test desktop',
    sendsPerMinute: 1000,
    ...(options.fastReconnect === true ? { reconnect: { baseMs: 20, capMs: 200 } } : {}),
    hooks: {
      openLink: null,
      demoScan: (uri) => {
        demo.scan(uri)
      },
    },
  })
  const events: CoreEvent[] = []
  core.api.onEvent((e) => events.push(e))
  core.start()
  const harness: Harness = {
    core,
    demo,
    dataDir,
    events,
    async call(method, args) {
      const result = await dispatch(core.api.handlers, method, args, silentLogger)
      if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`)
      return result.value as never
    },
    async until(check, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const value = await check()
        if (value !== undefined) return value
        if (Date.now() > deadline) throw new Error('condition not met in time')
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    },
    async stop({ keepData = false } = {}) {
      await core.stop()
      if (options.demo === undefined) await demo.stop()
      if (!keepData) rmSync(dataDir, { recursive: true, force: true })
    },
  }
  return harness
}

/** Pairs through the API as the UI would, with the demo phone scanning the QR. */
export async function pair(h: Harness): Promise<string> {
  const shown = await h.call('pairing.start', {})
  if (shown.step !== 'showing_qr') throw new Error(`pairing started in ${shown.step}`)
  await h.call('demo.scanQr', { uri: shown.uri })
  return h.until(async () => {
    const state = await h.call('pairing.get', {})
    if (state.step === 'failed') throw new Error(`pairing failed: ${state.reason}`)
    return state.step === 'paired' ? state.deviceId : undefined
  })
}

/** Waits until the phone is connected and its initial sync is complete. */
export async function synced(h: Harness, deviceId: string, timeoutMs = 60_000): Promise<void> {
  await h.until(async () => {
    const status = await h.call('status.get', {})
    const device = status.devices.find((d) => d.deviceId === deviceId)
    return device?.connection.state === 'connected' ? true : undefined
  }, timeoutMs)
}
