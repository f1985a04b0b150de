// The archive's thread: one connection, calls answered strictly in the order they arrive (so a
// write posted before a read is committed before that read starts on the same thread, and the
// writer applies the phone's changes in the order the core received them).
import { parentPort, workerData } from 'node:worker_threads'
import { openArchive, type Archive } from '../store'
import { JOBS } from './jobs'
import { isNamespace, isRead } from './surface'
import { JOB_NAMES, toWire, type Reply, type Request, type WorkerConfig } from './wire'

const port = parentPort
if (port === null) throw new Error('the archive worker runs in a worker thread')
const config = workerData as WorkerConfig
let now = Date.now()

function post(reply: Reply): void {
  port?.postMessage(reply)
}

let archive: Archive | null = null

// The writer opens (and migrates) at once; a reader loads its code alongside and opens the file
// when told that the writer is done with it.
function open(): void {
  try {
    archive = openArchive(config.path, { clock: () => now, readOnly: config.role === 'reader' })
    post({ kind: 'ready', schemaVersion: archive.schemaVersion })
  } catch (error) {
    post({ kind: 'openFailed', error: toWire(error) })
    process.exit(1)
  }
}
if (config.role === 'writer') open()

function opened(): Archive {
  if (archive === null) throw new Error('the archive is not open yet')
  return archive
}

function call(request: Extract<Request, { kind: 'call' }>): unknown {
  const { ns, method } = request
  if (!isNamespace(ns)) throw new TypeError(`no archive part ${String(ns)}`)
  if (config.role === 'reader' && !isRead(ns, method)) throw new TypeError(`${method} writes`)
  const target = opened()[ns] as unknown as Record<string, unknown>
  const fn = target[method]
  // Only the repositories' own methods, never something inherited from Object.
  if (typeof fn !== 'function' || method in Object.prototype) {
    throw new TypeError(`no archive method ${ns}.${method}`)
  }
  now = request.now
  const run = () => (fn as (...args: unknown[]) => unknown).apply(target, [...request.args])
  // A reader's answer is read from one snapshot, however many statements it takes.
  return config.role === 'reader' ? opened().snapshot(run) : run()
}

// Progress is posted at most this often: a batch of 500 ends many times a second.
const PROGRESS_EVERY_MS = 200
const running = new Map<number, AbortController>()

function startJob(request: Extract<Request, { kind: 'job' }>): void {
  const { id } = request
  if (config.role !== 'writer' || !(JOB_NAMES as readonly string[]).includes(request.job)) {
    throw new TypeError(`no archive job ${request.job}`)
  }
  now = request.now
  const controller = new AbortController()
  running.set(id, controller)
  let posted = 0
  const context = {
    signal: controller.signal,
    clock: () => Date.now(),
    progress: (value: unknown) => {
      const at = Date.now()
      if (at - posted < PROGRESS_EVERY_MS) return
      posted = at
      post({ kind: 'progress', id, value })
    },
  }
  const runner = JOBS[request.job] as (a: Archive, args: unknown, c: typeof context) => unknown
  Promise.resolve()
    .then(() => runner(opened(), request.args, context))
    .then(
      (value) => {
        post({ kind: 'done', id, value, devicesVersion: opened().devicesVersion() })
      },
      (error: unknown) => {
        post({ kind: 'failed', id, error: toWire(error) })
      },
    )
    .finally(() => running.delete(id))
}

port.on('message', (request: Request) => {
  if (request.kind === 'open') {
    open()
    return
  }
  if (request.kind === 'cancel') {
    running.get(request.job)?.abort()
    return
  }
  try {
    const archive = opened()
    switch (request.kind) {
      case 'call':
        post({
          kind: 'done',
          id: request.id,
          value: call(request),
          devicesVersion: archive.devicesVersion(),
        })
        return
      case 'job':
        startJob(request)
        return
      case 'reloadDevices':
        archive.reloadDevices()
        post({
          kind: 'done',
          id: request.id,
          value: null,
          devicesVersion: archive.devicesVersion(),
        })
        return
      case 'close':
        archive.close()
        post({ kind: 'done', id: request.id, value: null, devicesVersion: 0 })
        port.close()
        return
    }
  } catch (error) {
    post({ kind: 'failed', id: request.id, error: toWire(error) })
  }
})
