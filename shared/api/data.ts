// The archive's own controls as the window sees them: where it lives, what it holds per phone,
// and the one import that may be running. Files reach the core as uploads in chunks, the same
// way in Electron and in a browser, so the window never names a path on this computer.
import { z } from 'zod'
import { deviceIdSchema, rowIdSchema } from '../model/ids'
import { timestamp } from '../protocol/messages/common'
import type { DeviceId } from '../model/ids'

/** Biggest backup file accepted (real ones reach a few gigabytes with pictures). */
export const MAX_IMPORT_BYTES = 8 * 1024 ** 3
/** Bytes per upload chunk: its base64 fits the web bridge's request limit with room to spare. */
export const UPLOAD_CHUNK_BYTES = 160 * 1024

export const uploadIdSchema = z.string().regex(/^[0-9a-f]{32}$/)

export interface PhoneArchive {
  readonly deviceId: DeviceId
  readonly name: string
  readonly paired: boolean
  readonly messages: number
  readonly conversations: number
  readonly imported: number
}

export interface DataInfo {
  /** The folder the archive is in, as this computer names it. */
  readonly location: string
  /** The archive file with its write-ahead log, in bytes. */
  readonly sizeBytes: number
  readonly phones: readonly PhoneArchive[]
  readonly job: ImportJob | null
}

export type ImportJobState =
  'uploading' | 'importing' | 'complete' | 'damaged' | 'cancelled' | 'failed'

export interface ImportJob {
  readonly fileName: string
  readonly state: ImportJobState
  readonly deviceId: DeviceId | null
  /** Bytes of the file handled so far (uploaded, then read) and its size. */
  readonly bytesDone: number
  readonly totalBytes: number
  /** Messages read from the file, new to the archive, and already in it. */
  readonly read: number
  readonly added: number
  readonly present: number
  /** Messages per second while importing. */
  readonly rate: number
  /** Why it stopped (damage with its line and column, or a failure), in words. */
  readonly detail: string | null
}

export const EXPORT_FORMATS = ['sbr', 'csv', 'json', 'html'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]
/** Bytes per download chunk of an export fetched by the window (web mode). */
export const DOWNLOAD_CHUNK_BYTES = 512 * 1024

export const exportRequestSchema = z
  .object({
    format: z.enum(EXPORT_FORMATS),
    conversationId: rowIdSchema.optional(),
    /** Inclusive. */
    since: timestamp.optional(),
    /** Exclusive. */
    until: timestamp.optional(),
  })
  .strict()
  .refine((r) => r.since === undefined || r.until === undefined || r.since < r.until, {
    message: 'since must be before until',
  })

export interface ExportDone {
  readonly fileName: string
  readonly messages: number
  readonly conversations: number
  readonly sizeBytes: number
  /** Where Electron saved it (the place the user chose); null when the window fetches it. */
  readonly savedTo: string | null
  /** For `data.download` in web mode; null when it was saved directly. */
  readonly exportId: string | null
}

export interface DownloadChunk {
  readonly data: string
  readonly size: number
}

export const deleteTargetSchema = z.union([
  z.object({ deviceId: deviceIdSchema }).strict(),
  z.object({ all: z.literal(true) }).strict(),
])
export type DeleteTarget = z.infer<typeof deleteTargetSchema>
