// The archive's thread stopped (it crashed, or the core is shutting down). Calls in flight fail
// with this; a crashed thread is started again, and nothing it had not committed was acknowledged.
import { CodedError } from '../../../shared/errors'

export class ArchiveUnavailableError extends CodedError<'worker_stopped' | 'closed'> {
  override readonly name = 'ArchiveUnavailableError'
}
