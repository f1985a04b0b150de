// Typed errors of the archive. Callers switch on `code`; messages never contain bodies or keys.
import { CodedError } from '../../../shared/errors'

export type ArchiveOpenErrorCode =
  | 'future_schema' // user_version is newer than this build knows: refuse, never downgrade
  | 'not_an_archive' // another application's SQLite file
  | 'migration_failed'
  | 'no_wal' // a file database that refused WAL mode

export class ArchiveOpenError extends CodedError<ArchiveOpenErrorCode> {
  override readonly name = 'ArchiveOpenError'
}

export type NotFoundCode =
  'device' | 'conversation' | 'message' | 'outbox_entry' | 'attachment' | 'contact'

export class NotFoundError extends CodedError<NotFoundCode> {
  override readonly name = 'NotFoundError'
}

export type InvalidInputCode =
  | 'device_exists'
  | 'bad_device_id'
  | 'bad_public_key'
  | 'bad_region'
  | 'bad_cursor'
  | 'bad_limit'
  | 'bad_range'
  | 'bad_recipients'
  | 'bad_body'
  | 'bad_attachment'
  | 'replace_finished'
  | 'wrong_scope'
  | 'bad_query'
  | 'bad_status'

export class InvalidInputError extends CodedError<InvalidInputCode> {
  override readonly name = 'InvalidInputError'
}

export type OutboxStateErrorCode =
  | 'not_allowed' // the transition is not one the outbox state machine has
  | 'key_final' // a failed key is final on the phone (PROTOCOL.md §9.9): retry needs a new key
  | 'files_gone' // a picture message's files are no longer in the archive: attach them again

export class OutboxStateError extends CodedError<OutboxStateErrorCode> {
  override readonly name = 'OutboxStateError'
}

/** A stored value did not match its schema: the file was edited or written by a buggy build. */
export class CorruptRowError extends CodedError<'bad_json' | 'bad_value'> {
  override readonly name = 'CorruptRowError'
}
