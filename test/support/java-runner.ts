// Helpers to run the companion's JVM runner (companion-android/runner) from TypeScript tests:
// build its jar once if needed, then spawn it and read its one-JSON-object-per-line stdout.
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

export const REPO = fileURLToPath(new URL('../..', import.meta.url))
export const PHONE_JAR = `${REPO}companion-android/runner/target/textbridge-phone.jar`

/** Null when Java is usable, else why the cross-language tests must be skipped. */
export function javaUnavailable(): string | null {
  try {
    execFileSync('java', ['-version'], { stdio: 'pipe' })
  } catch {
    return 'java is not installed'
  }
  return null
}

/** Builds the runner jar through phone.sh's own staleness check (a no-op when it is fresh). */
export function ensurePhoneJar(): void {
  if (existsSync(PHONE_JAR)) return
  execFileSync(
    'mvn',
    [
      '-q',
      '-f',
      `${REPO}companion-android/pom.xml`,
      '-pl',
      'core,runner',
      '-am',
      '-DskipTests',
      'package',
    ],
    {
      stdio: 'inherit',
    },
  )
}

export interface JsonLines {
  readonly child: ChildProcessWithoutNullStreams
  /** The next line that satisfies `match`, skipping others; rejects after `timeoutMs`. */
  next<T = Record<string, unknown>>(match?: (line: T) => boolean, timeoutMs?: number): Promise<T>
  send(line: unknown): void
  stop(): Promise<void>
}

/**
 * The JVM phone on loopback serving `dir/history.json`, its state in `dir/phone-state`; answers
 * once it listens, with its port. `extra` adds runner flags (e.g. --group-send).
 */
export async function startJvmPhone(
  dir: string,
  extra: readonly string[] = [],
): Promise<{ readonly phone: JsonLines; readonly port: number }> {
  const phone = spawnJsonLines([
    '-jar',
    PHONE_JAR,
    '--history',
    join(dir, 'history.json'),
    '--port',
    '0',
    '--state',
    join(dir, 'phone-state'),
    '--name',
    'JVM Pixel',
    ...extra,
  ])
  const { port } = await phone.next<{ event: string; port: number }>(
    (l) => l.event === 'listening',
    120_000,
  )
  return { phone, port }
}

export function spawnJsonLines(args: readonly string[]): JsonLines {
  return jsonLines(spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'] }))
}

/** Wraps any child process that speaks one JSON object per line on stdout. */
export function jsonLines(child: ChildProcessWithoutNullStreams): JsonLines {
  const lines: unknown[] = []
  const waiters: { match: (line: unknown) => boolean; resolve: (line: unknown) => void }[] = []
  const stderr: string[] = []
  child.stderr.on('data', (d: Buffer) => stderr.push(d.toString()))
  createInterface({ input: child.stdout }).on('line', (text) => {
    let line: unknown
    try {
      line = JSON.parse(text)
    } catch {
      return
    }
    const i = waiters.findIndex((w) => w.match(line))
    if (i >= 0) waiters.splice(i, 1)[0]?.resolve(line)
    else lines.push(line)
  })
  return {
    child,
    next<T>(match: (line: T) => boolean = () => true, timeoutMs = 30_000): Promise<T> {
      const m = match as (line: unknown) => boolean
      const i = lines.findIndex(m)
      if (i >= 0) return Promise.resolve(lines.splice(i, 1)[0] as T)
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(
            new Error(
              `no matching line within ${timeoutMs} ms; stderr:\n${stderr.join('').slice(-2000)}`,
            ),
          )
        }, timeoutMs)
        waiters.push({
          match: m,
          resolve: (line) => {
            clearTimeout(timer)
            resolve(line as T)
          },
        })
      })
    },
    send(line) {
      child.stdin.write(`${JSON.stringify(line)}\n`)
    },
    async stop() {
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    },
  }
}
