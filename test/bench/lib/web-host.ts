// The web-mode host (electron/web/main.ts) as a fresh process on a prepared data folder, run the
// way a user's `npm start -- --web` would but with the demo's fixed phone list, so nothing is
// sent to the network: the archive's paired device is never reachable, which is all the window
// needs to show its conversations. The demo phone it starts holds a tiny history and stays
// unpaired. Node runs tsx as an import hook (as `npx tsx` does, without npx's own start), and the
// archive's thread runs from the app's bundle when it is built, as `npm start` runs it.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { DEMO_ENTRY, ROOT } from '../../e2e/support/app'

const BUILT_WORKER = join(ROOT, 'out', 'main', 'archive-worker.js')

const READY = /Textbridge is running at (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/

/** Wall-clock milliseconds with sub-millisecond resolution, comparable with a page's. */
export const wallNow = (): number => performance.timeOrigin + performance.now()

export interface RunningHost {
  readonly url: string
  readonly pid: number
  /** wallNow() just before the spawn and when the ready line arrived. */
  readonly spawnedAt: number
  readonly readyAt: number
  stop(): Promise<void>
}

/** Spawns a child in its own process group and waits for the line matching `ready`. */
export async function spawnUntil(
  args: readonly string[],
  ready: RegExp,
  timeoutMs = 60_000,
): Promise<RunningHost> {
  const spawnedAt = wallNow()
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`no ready line within ${timeoutMs} ms:\n${output}`))
    }, timeoutMs)
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8')
      const m = ready.exec(output)
      if (m?.[1] !== undefined) {
        clearTimeout(timer)
        resolve(m[1])
      }
    })
    child.stderr.on('data', (chunk: Buffer) => {
      output = `${output}${chunk.toString('utf8')}`.slice(-20_000)
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`exited with ${String(code)} before it was ready:\n${output}`))
    })
  })
  const readyAt = wallNow()
  if (child.pid === undefined) throw new Error('no pid')
  return { url, pid: child.pid, spawnedAt, readyAt, stop: () => stopGroup(child) }
}

export function startWebHost(dataDir: string, historyFile: string): Promise<RunningHost> {
  return spawnUntil(
    [
      '--import',
      'tsx',
      DEMO_ENTRY,
      '--demo',
      '--port',
      '0',
      '--data',
      dataDir,
      '--chatter',
      '0',
      '--history',
      historyFile,
      ...(existsSync(BUILT_WORKER) ? [`--archive-worker=${BUILT_WORKER}`] : []),
    ],
    READY,
  )
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
