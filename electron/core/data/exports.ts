// Exports asked for by the window. In Electron the user picks where the file goes (a native save
// dialog in the main process, so the window never names a path); in a browser the file is kept
// in a folder of the archive's own and fetched in chunks for the page to offer as a download.
// One kept export at a time: the next one, or the next start, removes it.
import { randomBytes } from 'node:crypto'
import { mkdir, open, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { DownloadChunk, ExportDone, ExportFormat } from '../../../shared/api/data'
import { DOWNLOAD_CHUNK_BYTES } from '../../../shared/api/data'
import { ApiError } from '../../../shared/api/result'
import type { ArchiveHost } from '../archive/host'

export interface ExportRequest {
  readonly format: ExportFormat
  readonly conversationId?: number | undefined
  readonly since?: number | undefined
  readonly until?: number | undefined
}

/** Asks the user where to save; null when they cancelled. */
export type ChooseSavePath = (suggestedName: string, purpose: 'export') => Promise<string | null>

const EXTENSION: Readonly<Record<ExportFormat, string>> = {
  sbr: 'xml',
  csv: 'csv',
  json: 'json',
  html: 'html',
}

/** SMS Backup & Restore looks for files named as it names its own (sms-YYYYMMDDHHmmss.xml). */
export function suggestedName(format: ExportFormat, at: Date): string {
  const stamp = at.toISOString().replace(/\D/g, '').slice(0, 14)
  if (format === 'sbr') return `sms-${stamp}.xml`
  return `textbridge-${stamp.slice(0, 8)}.${EXTENSION[format]}`
}

export class Exports {
  private kept: { readonly id: string; readonly path: string; readonly size: number } | null = null

  constructor(
    private readonly host: ArchiveHost,
    private readonly dir: string,
    private readonly choose: ChooseSavePath | null,
    private readonly now: () => number,
  ) {}

  clearLeftovers(): Promise<void> {
    return rm(this.dir, { recursive: true, force: true })
  }

  async run(request: ExportRequest): Promise<ExportDone> {
    const fileName = suggestedName(request.format, new Date(this.now()))
    let out: string
    let id: string | null = null
    if (this.choose !== null) {
      const chosen = await this.choose(fileName, 'export')
      if (chosen === null) throw new ApiError('cancelled', 'The export was cancelled.')
      out = chosen
    } else {
      await this.drop()
      await mkdir(this.dir, { recursive: true, mode: 0o700 })
      id = randomBytes(16).toString('hex')
      out = join(this.dir, `${id}.${EXTENSION[request.format]}`)
    }
    const job = this.host.job(
      'export',
      {
        format: request.format,
        out,
        conversationId: request.conversationId ?? null,
        since: request.since ?? null,
        until: request.until ?? null,
      },
      () => undefined,
    )
    const result = await job.done
    const { size } = await stat(out)
    if (id !== null) this.kept = { id, path: out, size }
    return {
      fileName,
      messages: result.messages,
      conversations: result.conversations,
      sizeBytes: size,
      savedTo: id === null ? out : null,
      exportId: id,
    }
  }

  /** A chunk of the kept export; the last one removes the file. */
  async chunk(exportId: string, offset: number): Promise<DownloadChunk> {
    const kept = this.kept
    if (kept?.id !== exportId) throw new ApiError('not_found', 'that export is no longer kept')
    if (offset >= kept.size) throw new ApiError('invalid_argument', 'past the end of the export')
    const file = await open(kept.path, 'r')
    try {
      const buffer = Buffer.alloc(Math.min(DOWNLOAD_CHUNK_BYTES, kept.size - offset))
      const { bytesRead } = await file.read(buffer, 0, buffer.length, offset)
      const data = buffer.subarray(0, bytesRead)
      if (offset + bytesRead >= kept.size) await this.drop()
      return { data: data.toString('base64'), size: kept.size }
    } finally {
      await file.close()
    }
  }

  private async drop(): Promise<void> {
    const kept = this.kept
    this.kept = null
    if (kept !== null) await rm(kept.path, { force: true })
  }
}
