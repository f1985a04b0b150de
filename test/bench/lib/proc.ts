// Child processes for the benchmarks: TypeScript entry points run with tsx, one JSON object per
// line on stdout (the Java runner helper's reader), progress and errors on stderr.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { REPO, jsonLines, type JsonLines } from '../../support/java-runner'

export { REPO }

/** Absolute path of a file in test/bench. */
export function benchFile(relative: string): string {
  return fileURLToPath(new URL(`../${relative}`, import.meta.url))
}

/** A fresh Node process running a TypeScript file (tsx as an import hook, as `npx tsx` does). */
export function spawnTs(file: string, args: readonly string[] = []): JsonLines {
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], {
    cwd: REPO,
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  return jsonLines(child)
}

/** Runs a child to completion and returns its first JSON line that has `result`. */
export async function runTs<T>(
  file: string,
  args: readonly string[],
  timeoutMs = 300_000,
): Promise<T> {
  const child = spawnTs(file, args)
  try {
    const line = await child.next<{ result?: T }>((l) => l.result !== undefined, timeoutMs)
    return line.result as T
  } finally {
    await child.stop()
  }
}
