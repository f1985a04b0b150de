// The archive in worker threads: one writer and a reader on their own WAL connections to the
// same file. The core's event loop only routes calls, so a long write (a back-fill batch, the
// search index rebuild at the end of it) never holds up the window. A thread that crashes fails
// the calls it had in flight with ArchiveUnavailableError and is started again; SQLite rolled
// back whatever it had not committed, and nothing uncommitted was acknowledged to a phone.
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Logger } from '../log'
import { ArchiveUnavailableError } from './errors'
import { NAMESPACES, isRead, type Namespace, type RemoteArchive } from './surface'
import { ArchiveThread } from './thread'
import type { JobTypes } from './jobs'
import type { JobName, Role } from './wire'

export interface ArchiveHostOptions {
  /** The archive file; ':memory:' runs the writer alone (a reader could not see its data). */
  readonly path: string
  readonly now: () => number
  readonly log: Logger
  /** The worker's entry point; by default the TypeScript one beside this file. */
  readonly workerEntry?: string
}

// A thread that keeps dying at once (a broken file, a full disk) is not restarted forever: after
// this many crashes within the window the archive stays down and every call fails typed.
const RESTART_LIMIT = 5
const RESTART_WINDOW_MS = 60_000

export function defaultWorkerEntry(): string {
  return join(dirname(fileURLToPath(import.meta.url)), 'worker.ts')
}

export class ArchiveHost {
  readonly archive: RemoteArchive
  private writer: ArchiveThread
  private reader: ArchiveThread | null
  private devicesVersion = -1
  private crashes: number[] = []
  private closed = false
  private readonly restartListeners = new Set<(role: Role) => void>()

  private constructor(
    private readonly options: ArchiveHostOptions,
    private readonly entry: string,
    readonly schemaVersion: number,
    writer: ArchiveThread,
    reader: ArchiveThread | null,
  ) {
    this.writer = writer
    this.reader = reader
    const archive: Partial<Record<Namespace, unknown>> = {}
    for (const ns of NAMESPACES) archive[ns] = this.namespace(ns)
    this.archive = archive as RemoteArchive
  }

  /** Opens (creating and migrating) the file on the writer, then starts the reader. */
  static async start(options: ArchiveHostOptions): Promise<ArchiveHost> {
    const entry = options.workerEntry ?? defaultWorkerEntry()
    let host: ArchiveHost | null = null
    const crashed = (thread: ArchiveThread, code: number) => {
      host?.crashed(thread, code)
    }
    // Both threads load their code at once; the reader opens the file after the writer has
    // migrated it.
    const writer = new ArchiveThread(entry, 'writer', options.path, crashed)
    const reader =
      options.path === ':memory:' ? null : new ArchiveThread(entry, 'reader', options.path, crashed)
    let schemaVersion: number
    try {
      schemaVersion = await writer.ready
      reader?.open()
      await reader?.ready
    } catch (error) {
      await Promise.allSettled([writer.close(), reader?.close()])
      throw error
    }
    host = new ArchiveHost(options, entry, schemaVersion, writer, reader)
    return host
  }

  /** Called after a crashed thread is running again (the writer: connections should resync). */
  onRestart(listener: (role: Role) => void): () => void {
    this.restartListeners.add(listener)
    return () => this.restartListeners.delete(listener)
  }

  /** Ends a thread abruptly, as a crash would; the host restarts it (fault injection). */
  async crash(role: Role): Promise<void> {
    const thread = role === 'writer' ? this.writer : this.reader
    await thread?.kill()
  }

  /**
   * Runs a long task on the writer. Its writes follow the calls made before it; calls made while
   * it runs are answered between its batches. A writer crash fails it like any call.
   */
  job<N extends JobName>(
    name: N,
    args: JobTypes[N]['args'],
    onProgress: (value: JobTypes[N]['progress']) => void,
  ): { readonly done: Promise<JobTypes[N]['result']>; readonly cancel: () => void } {
    if (this.closed) {
      return {
        done: Promise.reject(new ArchiveUnavailableError('closed', 'the archive is closed')),
        cancel: () => undefined,
      }
    }
    const running = this.writer.job(name, args, this.options.now(), (value) => {
      onProgress(value as JobTypes[N]['progress'])
    })
    const done = running.done.then(async (value) => {
      // An import may have made the archive of its own: the reader learns of the new device.
      await this.reader?.request({ kind: 'reloadDevices' })
      return value as JobTypes[N]['result']
    })
    return { done, cancel: running.cancel }
  }

  /** Finishes every call already made, then closes both connections. */
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await Promise.all([this.writer.close(), this.reader?.close()])
  }

  private namespace(ns: Namespace): unknown {
    return new Proxy(
      {},
      {
        get: (target, method) => {
          // A property set on the namespace (a benchmark's timer around a method) wins.
          if (Reflect.has(target, method)) return Reflect.get(target, method) as unknown
          if (typeof method !== 'string' || method === 'then') return undefined
          return (...args: unknown[]) => this.call(ns, method, args)
        },
      },
    )
  }

  private async call(ns: Namespace, method: string, args: unknown[]): Promise<unknown> {
    if (this.closed) throw new ArchiveUnavailableError('closed', 'the archive is closed')
    const read = this.reader !== null && isRead(ns, method)
    const thread = read && this.reader !== null ? this.reader : this.writer
    const reply = await thread.request({ kind: 'call', now: this.options.now(), ns, method, args })
    if (!read) await this.followDevices(reply.devicesVersion)
    return reply.value
  }

  /**
   * The reader keeps its own copy of the (tiny) devices table; when a write changed it, the
   * reader reloads before this write's caller can issue its next read.
   */
  private async followDevices(version: number): Promise<void> {
    if (version === this.devicesVersion || this.reader === null) return
    // The first answer too: the write that brought it may itself have changed the devices (the
    // first pairing on a fresh archive), and one reload of a tiny table costs nothing.
    this.devicesVersion = version
    await this.reader.request({ kind: 'reloadDevices' })
  }

  private crashed(thread: ArchiveThread, code: number): void {
    if (this.closed) return
    this.options.log.log('error', 'archive.thread_crashed', { role: thread.role, code })
    const at = Date.now()
    this.crashes = [...this.crashes.filter((t) => at - t < RESTART_WINDOW_MS), at]
    if (this.crashes.length > RESTART_LIMIT) {
      this.options.log.log('error', 'archive.gave_up', { crashes: this.crashes.length })
      return
    }
    const next = new ArchiveThread(this.entry, thread.role, this.options.path, (t, c) => {
      this.crashed(t, c)
    })
    if (next.role === 'reader') next.open()
    if (thread.role === 'writer') this.writer = next
    else this.reader = next
    // A new thread counts its devices versions from the start again.
    this.devicesVersion = -1
    void next.ready.then(
      () => {
        for (const listener of this.restartListeners) listener(thread.role)
      },
      (error: unknown) => {
        this.options.log.log('error', 'archive.restart_failed', {
          role: thread.role,
          error: error instanceof Error ? error.name : 'error',
        })
      },
    )
  }
}
