// What an export is asked for, what it reports, and the shape every format is written in.
import type { Writable } from 'node:stream'
import type { Conversation } from '../../../../shared/model/conversation'
import type { ConversationId } from '../../../../shared/model/ids'
import type { AttachmentMeta, ArchivedMessage, Participant } from '../../../../shared/model/message'
import type { MessageRecord } from '../../store'

export type ExportFormat = 'sbr' | 'csv' | 'json' | 'html'
export const EXPORT_FORMATS: readonly ExportFormat[] = ['sbr', 'csv', 'json', 'html']

export interface ExportOptions {
  readonly format: ExportFormat
  /** The file to write. It appears only when complete (see `.partial` in output.ts). */
  readonly out: string
  /** Only this conversation; every conversation when absent. */
  readonly conversationId?: ConversationId | null
  /** Earliest date, inclusive, ms since the epoch. */
  readonly since?: number | null
  /** Latest date, exclusive, ms since the epoch. */
  readonly until?: number | null
  readonly signal?: AbortSignal
  /** Called after every page of messages, and once at the end. */
  readonly onProgress?: (progress: ExportProgress) => void
  /** The IANA zone the HTML transcript shows times in; the system's by default. */
  readonly timeZone?: string
}

export interface ExportProgress {
  readonly written: number
  /** Messages in the range when the export began. */
  readonly total: number
}

export interface ExportResult {
  readonly messages: number
  readonly conversations: number
}

/** Seams for tests: the time stamped into the file, and how the output file is opened. */
export interface ExportIo {
  readonly clock?: () => number
  readonly open?: (path: string) => Writable
}

/** One message as a format sees it: the record, its conversation and who it is between. */
export interface ExportItem {
  readonly record: MessageRecord
  readonly message: ArchivedMessage
  readonly conversation: Conversation
  /** Who sent it; null when this phone did. */
  readonly from: Participant | null
  /** Who it went to when this phone sent it (the conversation's members); empty otherwise. */
  readonly to: readonly Participant[]
  /** An attachment's bytes, read from the archive when asked; null when never fetched. */
  readonly bytes: (attachment: AttachmentMeta) => Uint8Array | null
}

export interface FormatContext {
  readonly output: Writable
  readonly total: number
  readonly exportedAt: number
  /** The one conversation asked for, or null for an export of several. */
  readonly only: Conversation | null
  readonly timeZone: string | undefined
}

/**
 * A format's writer. Messages come grouped by conversation, each group opened and closed;
 * every call resolves once the output can take more, which is what keeps memory bounded.
 */
export interface Formatter {
  begin(): Promise<void>
  openConversation?(conversation: Conversation): Promise<void>
  message(item: ExportItem): Promise<void>
  closeConversation?(conversation: Conversation, messages: number): Promise<void>
  end(result: ExportResult): Promise<void>
}
