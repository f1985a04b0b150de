// The archive's own controls: what it holds, a backup file sent to the core in chunks and then
// imported, and deleting archives. The core reports the import as it goes (an `import` event);
// the window only sends the file and shows what it is told.
import type { DataInfo, DeleteTarget, ExportDone, ImportJob } from '../../shared/api/data'
import { UPLOAD_CHUNK_BYTES } from '../../shared/api/data'
import type { DeviceId } from '../../shared/model'
import { ApiError } from '../../shared/api/result'
import { errorText } from '../api/facade'
import { base64OfBlob, downloadBlob } from '../lib/blob'
import type { SliceCreator, StoreDeps } from './types'

export interface DataSlice {
  readonly dataInfo: DataInfo | null
  readonly importJob: ImportJob | null
  readonly loadDataInfo: () => Promise<void>
  readonly setImportJob: (job: ImportJob) => void
  /** Sends the file and starts its import; failures become a notice. */
  readonly importFile: (file: File, deviceId: DeviceId | null) => Promise<void>
  readonly cancelImport: () => Promise<void>
  /** Where the export in progress or the last one stands. */
  readonly exportState: ExportState
  readonly exportArchive: (request: ExportRequest) => Promise<void>
  /** Throws ApiError so the confirmation can show the reason beside itself. */
  readonly deleteArchive: (target: DeleteTarget) => Promise<void>
}

export type ExportRequest = Parameters<StoreDeps['api']['data']['export']>[0]

export type ExportState =
  | { readonly step: 'idle' }
  | { readonly step: 'running' }
  | { readonly step: 'done'; readonly done: ExportDone }
  | { readonly step: 'failed'; readonly reason: string }

// Chunks in flight at once: the link stays busy while the next chunk is read from the file.
const IN_FLIGHT = 3

export const createDataSlice =
  ({ api }: StoreDeps): SliceCreator<DataSlice> =>
  (set, get) => {
    // Bumped by a cancel or a newer file, so an upload loop still running stops sending.
    let generation = 0
    const send = async (file: File, uploadId: string, mine: number) => {
      const inFlight = new Set<Promise<unknown>>()
      for (let offset = 0; offset < file.size; offset += UPLOAD_CHUNK_BYTES) {
        if (generation !== mine) return false
        const data = await base64OfBlob(file.slice(offset, offset + UPLOAD_CHUNK_BYTES))
        const sent = api.data.chunk({ uploadId, offset, data })
        inFlight.add(sent)
        void sent.finally(() => inFlight.delete(sent)).catch(() => undefined)
        if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight)
      }
      await Promise.all(inFlight)
      return generation === mine
    }
    // Web mode: the export is kept by the core and fetched here, then offered as a download.
    const download = async (done: ExportDone, exportId: string) => {
      const parts: BlobPart[] = []
      let offset = 0
      for (;;) {
        const chunk = await api.data.download({ exportId, offset })
        const bytes = Uint8Array.from(atob(chunk.data), (c) => c.charCodeAt(0))
        parts.push(bytes)
        offset += bytes.length
        if (bytes.length === 0 || offset >= chunk.size) break
      }
      downloadBlob(new Blob(parts), done.fileName)
    }
    return {
      dataInfo: null,
      importJob: null,
      exportState: { step: 'idle' },
      exportArchive: async (request) => {
        set({ exportState: { step: 'running' } })
        try {
          const done = await api.data.export(request)
          if (done.exportId !== null) await download(done, done.exportId)
          set({ exportState: { step: 'done', done } })
        } catch (e) {
          if (e instanceof ApiError && e.code === 'cancelled')
            set({ exportState: { step: 'idle' } })
          else set({ exportState: { step: 'failed', reason: errorText(e) } })
        }
      },
      loadDataInfo: async () => {
        try {
          const info = await api.data.info()
          set({ dataInfo: info, importJob: info.job })
        } catch (e) {
          get().notify(`Couldn't read the archive's details: ${errorText(e)}`)
        }
      },
      setImportJob: (importJob) => {
        set({ importJob })
        // A finished import changed what the archive holds.
        if (importJob.state !== 'uploading' && importJob.state !== 'importing') {
          void get().loadDataInfo()
          void get().loadDevices()
        }
      },
      importFile: async (file, deviceId) => {
        const mine = ++generation
        try {
          const { uploadId } = await api.data.upload({ name: file.name, size: file.size })
          if (!(await send(file, uploadId, mine))) return
          await api.data.import({ uploadId, deviceId })
        } catch (e) {
          if (generation === mine) get().notify(`Couldn't import ${file.name}: ${errorText(e)}`)
        }
      },
      cancelImport: async () => {
        generation++
        try {
          await api.data.cancel()
        } catch (e) {
          get().notify(`Couldn't stop the import: ${errorText(e)}`)
        }
      },
      deleteArchive: async (target) => {
        await api.data.delete(target)
        await Promise.all([get().loadDataInfo(), get().loadDevices()])
      },
    }
  }

/** The archive a dropped or chosen file goes into: a paired phone first, else any archive. */
export function defaultImportTarget(info: DataInfo | null): DeviceId | null {
  const phones = info?.phones ?? []
  return (phones.find((p) => p.paired) ?? phones[0])?.deviceId ?? null
}

/** A file that may be an SMS Backup & Restore backup (they are XML; the core checks the rest). */
export function looksLikeBackup(file: File): boolean {
  return /\.xml$/i.test(file.name) || file.type === 'text/xml' || file.type === 'application/xml'
}
