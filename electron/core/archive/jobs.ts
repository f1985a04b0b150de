// The long tasks the writer thread runs beside its calls (an export only reads, but reading on
// the writer sees every write made before it was asked for). Each one awaits its file between
// batches, so calls posted meanwhile (a text arriving, the window's reads) are answered in those
// gaps instead of waiting for the whole file.
import {
  importBackupFile,
  type ImportProgress,
  type ImportResult,
} from '../backup/import/import-file'
import {
  exportArchive,
  type ExportFormat,
  type ExportProgress,
  type ExportResult,
} from '../backup/export'
import type { Archive } from '../store'
import type { JobName } from './wire'

export interface ImportJobArgs {
  readonly path: string
  readonly fileName: string
  readonly deviceId: string | null
  readonly region: string | null
}

export interface ExportJobArgs {
  readonly format: ExportFormat
  readonly out: string
  readonly conversationId: number | null
  readonly since: number | null
  readonly until: number | null
}

/** What each job takes, reports while it runs, and answers with. */
export interface JobTypes {
  readonly import: {
    readonly args: ImportJobArgs
    readonly progress: ImportProgress
    readonly result: ImportResult
  }
  readonly export: {
    readonly args: ExportJobArgs
    readonly progress: ExportProgress
    readonly result: ExportResult
  }
}

export interface JobContext<P> {
  readonly signal: AbortSignal
  readonly clock: () => number
  progress(value: P): void
}

type Runner<N extends JobName> = (
  archive: Archive,
  args: JobTypes[N]['args'],
  context: JobContext<JobTypes[N]['progress']>,
) => Promise<JobTypes[N]['result']>

export const JOBS: { readonly [N in JobName]: Runner<N> } = {
  import: (archive, args, context) =>
    importBackupFile(archive, args.path, {
      deviceId: args.deviceId,
      region: args.region,
      fileName: args.fileName,
      signal: context.signal,
      clock: context.clock,
      onProgress: (p) => {
        context.progress(p)
      },
    }),
  export: (archive, args, context) =>
    exportArchive(archive, {
      ...args,
      signal: context.signal,
      onProgress: (p) => {
        context.progress(p)
      },
    }),
}
