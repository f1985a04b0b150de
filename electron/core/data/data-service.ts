// The archive's own controls for the window: where it is and what it holds, importing a backup
// file sent up in chunks, and deleting a phone's archive or all of them. One import at a time;
// it runs on the archive's writer thread, so the window and the phones carry on meanwhile.
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { DataInfo, DeleteTarget, ImportJob } from '../../../shared/api/data'
import { ApiError } from '../../../shared/api/result'
import type { ImportResult } from '../backup/import/import-file'
import type { ArchiveHost } from '../archive/host'
import type { RemoteArchive } from '../archive/surface'
import type { EventHub } from '../events/event-hub'
import type { Logger } from '../log'
import type { Phones } from '../phones/phones'
import { InvalidInputError } from '../store/errors'
import { cancelledUpload, failed, finished, importing, uploading } from './import-job'
import { Exports, type ChooseSavePath } from './exports'
import { Uploads } from './uploads'

export interface DataServiceDeps {
  readonly host: ArchiveHost
  readonly archive: RemoteArchive
  readonly dataDir: string
  readonly archiveFile: string
  readonly phones: Phones
  readonly events: EventHub
  readonly log: Logger
  /** The country numbers in a backup are read in when no phone's archive takes it. */
  readonly region: string | null
  /** Electron's save dialog; null where the window downloads exports itself. */
  readonly chooseSavePath: ChooseSavePath | null
  readonly now: () => number
}

// The conversation list is told to reload at most this often while texts pour in.
const LIST_REFRESH_MS = 1_000

export class DataService {
  private readonly uploads: Uploads
  readonly exports: Exports
  private job: ImportJob | null = null
  private cancelJob: (() => void) | null = null

  constructor(private readonly deps: DataServiceDeps) {
    this.uploads = new Uploads(join(deps.dataDir, 'uploads'))
    this.exports = new Exports(
      deps.host,
      join(deps.dataDir, 'exports'),
      deps.chooseSavePath,
      deps.now,
    )
  }

  /** Removes files a previous run left mid-upload or never fetched. */
  async start(): Promise<void> {
    await Promise.all([this.uploads.clearLeftovers(), this.exports.clearLeftovers()])
  }

  async info(): Promise<DataInfo> {
    const [devices, holdings, sizeBytes] = await Promise.all([
      this.deps.archive.devices.list(),
      this.deps.archive.devices.holdings(),
      this.archiveSize(),
    ])
    const counts = new Map(holdings.map((h) => [h.deviceId, h]))
    return {
      location: this.deps.dataDir,
      sizeBytes,
      phones: devices.map((d) => ({
        deviceId: d.id,
        name: d.name,
        paired: d.unpairedAt === null,
        messages: counts.get(d.id)?.messages ?? 0,
        conversations: counts.get(d.id)?.conversations ?? 0,
        imported: counts.get(d.id)?.imported ?? 0,
      })),
      job: this.job,
    }
  }

  async upload(name: string, size: number): Promise<string> {
    this.refuseWhileBusy()
    const id = await this.uploads.begin(name, size)
    this.publish(uploading(name, 0, size))
    return id
  }

  async chunk(uploadId: string, offset: number, data: Uint8Array): Promise<void> {
    await this.uploads.chunk(uploadId, offset, data)
    const progress = this.uploads.progress()
    if (progress !== null) this.publish(uploading(progress.name, progress.received, progress.size))
  }

  async import(uploadId: string, deviceId: string | null): Promise<void> {
    this.refuseWhileBusy()
    if (deviceId !== null) await this.deps.archive.devices.get(deviceId)
    const file = await this.uploads.complete(uploadId)
    let job = importing(uploading(file.name, 0, file.size), deviceId, null)
    this.publish(job)
    let listAt = 0
    const running = this.deps.host.job(
      'import',
      { path: file.path, fileName: file.name, deviceId, region: this.deps.region },
      (progress) => {
        job = importing(job, deviceId, progress)
        this.publish(job)
        if (Date.now() - listAt >= LIST_REFRESH_MS && deviceId !== null) {
          listAt = Date.now()
          this.deps.events.emit({ type: 'conversations', deviceId, ids: null })
        }
      },
    )
    this.cancelJob = running.cancel
    running.done
      .then(
        (result) => {
          this.ended(finished(job, result), result)
        },
        (error: unknown) => {
          this.deps.log.log('error', 'import.failed', {
            error: error instanceof Error ? error.name : 'error',
          })
          this.ended(failed(job, failureWords(error)), null)
        },
      )
      .finally(() => this.uploads.forget(file.path))
  }

  async cancel(): Promise<void> {
    if (this.job?.state === 'importing') {
      this.cancelJob?.()
      return
    }
    if (this.job?.state === 'uploading') {
      await this.uploads.cancel()
      this.publish(cancelledUpload(this.job))
    }
  }

  /** Unpairs (telling the phone when it is connected) and deletes, device by device. */
  async delete(target: DeleteTarget): Promise<void> {
    this.refuseWhileBusy()
    const devices = await this.deps.archive.devices.list()
    const chosen = 'all' in target ? devices : devices.filter((d) => d.id === target.deviceId)
    if (chosen.length === 0 && !('all' in target)) throw new ApiError('not_found', 'no such phone')
    for (const device of chosen) {
      if (device.unpairedAt === null) await this.deps.phones.unpair(device.id)
      await this.deps.archive.devices.remove(device.id)
      this.deps.log.log('info', 'archive.deleted', { device: device.id.slice(0, 8) })
    }
    if (this.job !== null && chosen.some((d) => d.id === this.job?.deviceId)) this.job = null
    this.deps.events.emit({ type: 'archiveDeleted' })
    this.deps.phones.statusChanged()
  }

  private ended(job: ImportJob, result: ImportResult | null): void {
    this.cancelJob = null
    this.publish(job)
    const deviceId = result?.deviceId ?? job.deviceId
    if (deviceId !== null) this.deps.events.emit({ type: 'conversations', deviceId, ids: null })
    // An import into an archive of its own made a device the status panel should list.
    this.deps.phones.statusChanged()
  }

  private publish(job: ImportJob): void {
    this.job = job
    this.deps.events.emit({ type: 'import', job })
  }

  // An upload may be replaced by another (the user dropped a second file); an import may not.
  private refuseWhileBusy(): void {
    if (this.job?.state === 'importing') throw busy()
  }

  private async archiveSize(): Promise<number> {
    let total = 0
    for (const suffix of ['', '-wal']) {
      try {
        total += (await stat(`${this.deps.archiveFile}${suffix}`)).size
      } catch {
        // No log file between checkpoints: nothing to add.
      }
    }
    return total
  }
}

function busy(): ApiError {
  return new ApiError('not_available', 'An import is running. Wait for it, or stop it first.')
}

function failureWords(error: unknown): string {
  if (error instanceof InvalidInputError && error.code === 'wrong_scope')
    return 'Choose which phone’s archive the backup goes into.'
  if (error instanceof Error && error.name === 'ArchiveUnavailableError')
    return 'The archive stopped during the import. Import the same file again to go on.'
  if (error instanceof Error && /ENOSPC|SQLITE_FULL|disk is full/.test(error.message))
    return 'The disk is full. Free some space and import the same file again to go on.'
  return 'The import stopped on an error. The details are in the log.'
}
