// Drives test/reliability/desktop-agent.ts (a desktop core in its own process) from a test.
import type { ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

export const AGENT = fileURLToPath(new URL('../reliability/desktop-agent.ts', import.meta.url))
export const TSX = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url))

export type AgentEvent = Record<string, unknown> & { readonly event: string }

export interface Agent {
  readonly child: ChildProcess
  readonly seen: readonly AgentEvent[]
  /** The first such event ever seen (including ones before this call). */
  waitFor(event: string, timeoutMs?: number): Promise<AgentEvent>
  /** The next such event after this call. */
  next(event: string, timeoutMs?: number): Promise<AgentEvent>
  send(command: Record<string, unknown>): void
  exited(): Promise<void>
}

export function agentOf(child: ChildProcess): Agent {
  const seen: AgentEvent[] = []
  const waiters: { event: string; resolve: (e: AgentEvent) => void }[] = []
  const stderr: string[] = []
  child.stderr?.on('data', (d: Buffer) => stderr.push(d.toString()))
  if (child.stdout !== null) {
    createInterface({ input: child.stdout }).on('line', (line) => {
      let event: AgentEvent
      try {
        event = JSON.parse(line) as AgentEvent
      } catch {
        return
      }
      seen.push(event)
      for (const w of waiters.filter((x) => x.event === event.event)) {
        waiters.splice(waiters.indexOf(w), 1)
        w.resolve(event)
      }
    })
  }
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const wait = (event: string, timeoutMs: number): Promise<AgentEvent> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(
          new Error(`agent: no "${event}" within ${timeoutMs} ms\n${stderr.join('').slice(-1500)}`),
        )
      }, timeoutMs)
      waiters.push({
        event,
        resolve: (e) => {
          clearTimeout(timer)
          resolve(e)
        },
      })
    })
  return {
    child,
    seen,
    waitFor(event, timeoutMs = 60_000) {
      const already = seen.find((e) => e.event === event)
      return already === undefined ? wait(event, timeoutMs) : Promise.resolve(already)
    },
    next: (event, timeoutMs = 60_000) => wait(event, timeoutMs),
    send(command) {
      child.stdin?.write(`${JSON.stringify(command)}\n`)
    },
    exited: () => exit,
  }
}
