// One archive thread and the calls waiting on it. Calls are posted the moment they are made, so
// their order on the thread is the order the core made them in.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { ArchiveUnavailableError } from './errors'
import {
  fromWire,
  type JobName,
  type Reply,
  type Request,
  type Role,
  type WorkerConfig,
} from './wire'

type RequestBody = Request extends infer R
  ? R extends { id: number }
    ? Omit<R, 'id'>
    : never
  : never

interface Pending {
  resolve(reply: Extract<Reply, { kind: 'done' }>): void
  reject(error: Error): void
  progress?: (value: unknown) => void
}

/** A long task running on the thread: its answer, and a way to stop it early. */
export interface RunningJob {
  readonly done: Promise<unknown>
  readonly cancel: () => void
}

/**
 * Compiled JavaScript starts as it is. The TypeScript entry (development, tests) starts through a
 * two-line script that registers tsx's loader in the new thread first: loader flags given to a
 * worker's execArgv are not applied to it.
 */
/**
 * Each thread's JavaScript heap is capped. Its live data stays small (a batch, a page, a chunk
 * of a file), but V8 lets garbage pile up far beyond that while there is room: a 1 GB backup
 * imported by the core peaked at 278 MB with no cap, 250 MB with 160 MB, 243 MB with this,
 * for about a fifth more time.
 */
export const ARCHIVE_HEAP_MB = 128

function startWorker(entry: string, config: WorkerConfig): Worker {
  const options = {
    workerData: config,
    name: `archive-${config.role}`,
    resourceLimits: { maxOldGenerationSizeMb: ARCHIVE_HEAP_MB },
  }
  // Compiled JavaScript needs none of the loaders this process may run under (tsx in web mode).
  if (!entry.endsWith('.ts')) return new Worker(entry, { ...options, execArgv: [] })
  const api = pathToFileURL(tsxEsmApi()).href
  const boot = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register();
    return import(${JSON.stringify(pathToFileURL(entry).href)}) })`
  return new Worker(boot, { ...options, eval: true })
}

/** tsx's ESM registration API, found through its package.json (require would give the CJS one). */
function tsxEsmApi(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json')
  const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as {
    exports: { './esm/api': { import: { default: string } } }
  }
  return join(dirname(manifest), pkg.exports['./esm/api'].import.default)
}

export class ArchiveThread {
  private readonly worker: Worker
  private readonly pending = new Map<number, Pending>()
  private nextId = 1
  private stopping = false
  private exited = false
  private lastError: string | null = null
  /** Resolves with the schema version once the thread has the file open. */
  readonly ready: Promise<number>

  constructor(
    entry: string,
    readonly role: Role,
    path: string,
    /** The thread ended without being asked to (a crash). */
    private readonly onCrash: (thread: ArchiveThread, exitCode: number) => void,
  ) {
    this.worker = startWorker(entry, { path, role })
    this.ready = new Promise<number>((resolve, reject) => {
      const first = (reply: Reply) => {
        if (reply.kind === 'ready') resolve(reply.schemaVersion)
        else if (reply.kind === 'openFailed') reject(fromWire(reply.error))
        else return
        this.worker.off('message', first)
      }
      this.worker.on('message', first)
      this.worker.once('exit', (code) => {
        const why = this.lastError === null ? '' : `: ${this.lastError}`
        reject(
          new ArchiveUnavailableError('worker_stopped', `archive ${role} exited (${code})${why}`),
        )
      })
    })
    this.ready.catch(() => undefined)
    this.worker.on('message', (reply: Reply) => {
      this.settle(reply)
    })
    this.worker.on('error', (error) => {
      this.lastError = error.message
    })
    this.worker.on('exit', (code) => {
      this.exited = true
      this.failAll(code)
      if (!this.stopping) this.onCrash(this, code)
    })
  }

  request(body: RequestBody): Promise<Extract<Reply, { kind: 'done' }>> {
    if (this.stopping) return Promise.reject(new ArchiveUnavailableError('closed'))
    if (this.exited) return Promise.reject(new ArchiveUnavailableError('worker_stopped'))
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      this.worker.postMessage({ ...body, id })
    })
  }

  job(job: JobName, args: unknown, now: number, onProgress: (value: unknown) => void): RunningJob {
    if (this.stopping || this.exited) {
      const done = Promise.reject(new ArchiveUnavailableError('closed'))
      return { done, cancel: () => undefined }
    }
    const id = this.nextId++
    const done = new Promise<unknown>((resolve, reject) => {
      this.pending.set(id, {
        resolve: (reply) => {
          resolve(reply.value)
        },
        reject,
        progress: onProgress,
      })
      this.worker.postMessage({ kind: 'job', id, now, job, args } satisfies Request)
    })
    return {
      done,
      cancel: () => {
        if (!this.exited) this.worker.postMessage({ kind: 'cancel', job: id } satisfies Request)
      },
    }
  }

  /** A reader started before the writer was ready opens the file now. */
  open(): void {
    this.worker.postMessage({ kind: 'open' } satisfies Request)
  }

  /** Closes the connection after every call already posted, then ends the thread. */
  async close(): Promise<void> {
    const closed = this.request({ kind: 'close' }).catch(() => undefined)
    this.stopping = true
    await closed
    await this.worker.terminate()
  }

  /** Ends the thread at once, as a crash would (fault injection for tests). */
  async kill(): Promise<void> {
    await this.worker.terminate()
  }

  private settle(reply: Reply): void {
    if (reply.kind === 'progress') {
      this.pending.get(reply.id)?.progress?.(reply.value)
      return
    }
    if (reply.kind !== 'done' && reply.kind !== 'failed') return
    const waiting = this.pending.get(reply.id)
    if (waiting === undefined) return
    this.pending.delete(reply.id)
    if (reply.kind === 'done') waiting.resolve(reply)
    else waiting.reject(fromWire(reply.error))
  }

  private failAll(code: number): void {
    const error = new ArchiveUnavailableError(
      'worker_stopped',
      `archive ${this.role} exited (${code})`,
    )
    for (const waiting of this.pending.values()) waiting.reject(error)
    this.pending.clear()
  }
}
