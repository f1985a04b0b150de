// Public surface of the archive; this file only re-exports.
export { openArchive } from './archive'
export type { Archive, ArchiveOptions } from './archive'
export * from './errors'
export type { NewDevice, DeviceInfo } from './devices/devices'
export type { IndexMode } from './messages/message-writer'
export type { WriteSummary } from './messages/write-session'
export type { EnqueueInput, KeyPolicy, StatusResult } from '../outbox/repository'
export type { ContactsReplacement, PageResult, CommitResult } from './contacts/contacts'
export type { SearchIndexState, IntegrityReport } from './search/search-index'
export type { ConversationFilter } from './conversations/conversations'
export type {
  MessageRange,
  MessageRecord,
  RangeSize,
  ScanPage,
  ScanPosition,
} from './messages/message-scan'
export { TOTAL_CAP } from './search/search'
