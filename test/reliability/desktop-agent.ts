// A desktop core in its own process, for tests that kill it with SIGKILL mid-work. It talks to
// the test over stdio: JSON events on stdout, JSON commands on stdin.
//   tsx test/reliability/desktop-agent.ts --data DIR --phone-port P --phone-id ID
// With --mdns the phone is found by mDNS and paired as soon as it advertises the QR's tag.
// Events: {"event":"qr","uri"}, {"event":"paired"}, {"event":"started"}, {"event":"synced"},
//         {"event":"queued","key","id"}, {"event":"settled"} (connected, nothing in flight).
// Commands: {"cmd":"scanned"}, {"cmd":"send","body"}.
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { dispatch } from '../../electron/core/api/dispatch'
import type { RemoteArchive } from '../../electron/core/archive/surface'
import { createCore } from '../../electron/core/create-core'
import { MdnsDiscovery, StaticFinder } from '../../electron/core/discovery/discovery'
import { FileKeyVault } from '../../electron/core/identity/key-vault'
import { silentLogger } from '../../electron/core/log'
import type { ArgsOf, MethodName, ResultOf } from '../../shared/api/contract'

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    'phone-port': { type: 'string' },
    'phone-id': { type: 'string' },
    // Find the phone with mDNS (only ever inside a test's network namespace) instead of a fixed address.
    mdns: { type: 'boolean', default: false },
    'keepalive-ms': { type: 'string' },
  },
})
const dataDir = values.data ?? ''
const port = Number(values['phone-port'])
const staticFinder = new StaticFinder()
staticFinder.set([
  {
    versions: [1],
    instanceId: values['phone-id'] ?? '',
    pairingTag: null,
    host: '127.0.0.1',
    port,
    seenAt: Date.now(),
  },
])
const finder = values.mdns ? new MdnsDiscovery(silentLogger) : staticFinder
const keepaliveMs = values['keepalive-ms'] === undefined ? null : Number(values['keepalive-ms'])

const core = await createCore({
  dataDir,
  vault: new FileKeyVault(join(dataDir, 'identity.key')),
  finder,
  host: 'web',
  demo: false,
  version: 'agent',
  log: silentLogger,
  desktopName: 'Agent desktop',
  sendsPerMinute: 10_000,
  reconnect: { baseMs: 20, capMs: 200 },
  ...(keepaliveMs === null
    ? {}
    : { keepalive: { idleMs: Math.ceil(keepaliveMs / 3), timeoutMs: keepaliveMs } }),
})
// Crash point for tests: die the instant a text is marked `dispatching`, before its request is
// written to the socket — the one moment whose outcome the desktop cannot know.
if (process.env.TB_CRASH_ON_DISPATCH === '1') {
  const archive = core.archive as { outbox: RemoteArchive['outbox'] }
  const real = archive.outbox
  archive.outbox = new Proxy(real, {
    get: (target, key) =>
      key === 'markDispatching'
        ? async (id: number) => {
            // Committed on the archive's thread, and the request not yet sent: die here.
            await real.markDispatching(id)
            process.kill(process.pid, 'SIGKILL')
          }
        : Reflect.get(target, key),
  })
}
const emit = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`)
async function call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
  const result = await dispatch(core.api.handlers, method, args, silentLogger)
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
  return result.value as ResultOf<M>
}

createInterface({ input: process.stdin }).on('line', (line) => {
  const command = JSON.parse(line) as { cmd: string; body?: string }
  if (command.cmd === 'scanned') void call('pairing.connectTo', { host: '127.0.0.1', port })
  if (command.cmd === 'send') {
    void (async () => {
      const first = (await call('conversations.list', { limit: 1 })).items[0]
      if (first === undefined) return
      const sent = await call('messages.send', {
        to: { conversationId: first.id },
        body: command.body ?? '',
        subId: null,
      })
      const outboxId = sent.delivery.outboxId
      emit({
        event: 'queued',
        id: sent.id,
        key: outboxId === null ? null : (await core.archive.outbox.get(outboxId)).sendKey,
      })
    })()
  }
})

let lastState: string | null = null
let lastCounts = ''
core.api.onEvent((event) => {
  if (event.type === 'pairing' && event.pairing.step === 'paired') emit({ event: 'paired' })
  if (event.type === 'pairing' && event.pairing.step === 'failed')
    emit({ event: 'pairing_failed', reason: event.pairing.reason })
  if (event.type === 'status') {
    const device = event.status.devices[0]
    const state = device?.connection.state
    if (state !== undefined && state !== lastState) {
      lastState = state
      emit({
        event: 'state',
        state,
        failure: device?.diagnostics.lastFailure?.code ?? null,
        close: device?.diagnostics.lastFailure?.closeCode ?? null,
      })
    }
    const { queued, dispatching } = event.status.outbox
    const counts = JSON.stringify(event.status.outbox)
    if (counts !== lastCounts) {
      lastCounts = counts
      emit({ event: 'outbox', ...event.status.outbox })
    }
    if (device?.connection.state === 'connected') {
      emit({ event: 'synced' })
      if (queued + dispatching === 0) emit({ event: 'settled' })
    }
  }
})

core.start()
if ((await core.archive.devices.list()).length === 0) {
  const shown = await call('pairing.start', {})
  if (shown.step === 'showing_qr') emit({ event: 'qr', uri: shown.uri })
}
emit({ event: 'started' })
process.on('SIGTERM', () => {
  void core.stop().finally(() => process.exit(0))
})
