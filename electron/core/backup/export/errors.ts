// Why an export did not produce its file. Whatever the reason, the file under the final name
// was not touched: the export writes beside it and renames only once everything is written.
import { CodedError } from '../../../../shared/errors'

export type ExportErrorCode =
  /** Not one of the formats this build writes. */
  | 'bad_format'
  /** The dates are not whole milliseconds, or the range ends before it starts. */
  | 'bad_range'
  /** An option the format uses is unusable (an unknown time zone). */
  | 'bad_option'
  /** The signal was aborted. */
  | 'cancelled'
  /** The file could not be created, written or renamed into place. */
  | 'write_failed'
  /**
   * Messages of the range were deleted while it was written, so a backup's announced count
   * (which the app reads first) would be wrong: export again.
   */
  | 'archive_changed'

export class ExportError extends CodedError<ExportErrorCode> {
  override readonly name = 'ExportError'
}
