// Starts the app the specs drive: the demo command (web mode, demo phone, fresh data folder),
// waiting for the line it prints when ready. TEXTBRIDGE_E2E_FAKE=1 swaps in the renderer's
// stand-in core instead, for working on the window before or without the real core.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
export const DEMO_ENTRY = join(ROOT, 'electron/web/main.ts')
export const CHROMIUM = '/usr/bin/chromium'
/** Headless, and nothing that would reach the network on its own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
const READY = /Textbridge is running at (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/
const START_TIMEOUT_MS = 60_000

export const useFake = process.env.TEXTBRIDGE_E2E_FAKE === '1'

/** Why the specs cannot run here, or null when they can. */
export function skipReason(): string | null {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM}`
  if (!existsSync(join(ROOT, 'out/renderer/index.html')))
    return 'renderer not built (npm run build)'
  if (!useFake && !existsSync(DEMO_ENTRY)) return `demo command ${DEMO_ENTRY} not there yet`
  return null
}

export interface RunningApp {
  readonly url: string
  stop(): Promise<void>
}

export interface AppOptions {
  /** A history file for the demo phone instead of the generated one. */
  readonly history?: string
  /** Someone texts the demo phone every this many seconds (every fourth a picture); 0: never. */
  readonly chatterSeconds?: number
}

export async function startApp(options: AppOptions = {}): Promise<RunningApp> {
  if (useFake) {
    const { startFakeHost } = await import('./fake-host')
    const { FakeCore } = await import('../../../renderer/testing/fake-core')
    const { fillFakeCore } = await import('./fake-data')
    const core = new FakeCore()
    fillFakeCore(core, { conversations: 300, paired: false })
    const host = await startFakeHost(core)
    return { url: host.url, stop: () => host.close() }
  }
  return startDemo(options)
}

async function startDemo(options: AppOptions): Promise<RunningApp> {
  const data = mkdtempSync(join(tmpdir(), 'textbridge-e2e-'))
  // No unprompted texts from the demo phone unless asked: the specs count what they see.
  const chatter = String(options.chatterSeconds ?? 0)
  const args = ['tsx', DEMO_ENTRY, '--demo', '--port', '0', '--data', data, '--chatter', chatter]
  if (options.history !== undefined) args.push('--history', options.history)
  // Its own process group, so stop() ends the demo and everything it started, and nothing else.
  const child = spawn('npx', args, { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`demo did not start within ${START_TIMEOUT_MS} ms:\n${output}`))
    }, START_TIMEOUT_MS)
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      const m = READY.exec(output)
      if (m?.[1] !== undefined) {
        clearTimeout(timer)
        resolve(m[1])
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8')
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`demo exited with ${String(code)} before it was ready:\n${output}`))
    })
  })
  return {
    url,
    stop: async () => {
      await stopGroup(child)
      rmSync(data, { recursive: true, force: true })
    },
  }
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null) return
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve()
    })
  })
  process.kill(-child.pid, 'SIGTERM')
  const timer = setTimeout(() => {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGKILL')
  }, 5000)
  await exited
  clearTimeout(timer)
}
