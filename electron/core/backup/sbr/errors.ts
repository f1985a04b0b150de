// Why a backup file could not be read to its end. Everything complete before the damage has
// already been delivered when this is thrown, so an importer can keep what it got and tell the
// person where the file went wrong.
import { CodedError } from '../../../../shared/errors'

export type DamageCode =
  /** Not an SMS Backup & Restore file at all: JSON, an HTML page, another XML root, noise. */
  | 'not_a_backup'
  /** The file stops early: inside an element, or before `</smses>`. */
  | 'cut_off'
  /** Bytes that are not UTF-8 (or NUL, which zero-filled tails of cut-off copies are made of). */
  | 'bad_bytes'
  /** The XML or a value in it is not what the app writes (a non-number date, bad base64...). */
  | 'malformed'
  /** One element is larger than the per-message cap. */
  | 'too_large'

export interface DamagePlace {
  /** 1-based line of the decoded text. */
  readonly line: number
  /** 1-based column, in UTF-16 code units of the decoded text. */
  readonly column: number
  /** Offset of the first bad byte in the file, for bad_bytes; null otherwise. */
  readonly byteOffset: number | null
}

export class BackupDamaged extends CodedError<DamageCode> {
  override readonly name = 'BackupDamaged'
  readonly line: number
  readonly column: number
  readonly byteOffset: number | null

  constructor(
    code: DamageCode,
    readonly reason: string,
    place: DamagePlace,
    /** Messages delivered before the damage. */
    readonly delivered: number,
  ) {
    super(code, `backup damaged at line ${place.line}, column ${place.column}: ${reason}`)
    this.line = place.line
    this.column = place.column
    this.byteOffset = place.byteOffset
  }
}

/**
 * Raised inside the parser where the place is known only as a character offset; the reader
 * turns it into a BackupDamaged once it has located the offset and counted deliveries.
 */
export class DamageAt extends Error {
  constructor(
    readonly code: DamageCode,
    readonly reason: string,
    /** Character offset in the decoded text. */
    readonly offset: number,
    readonly byteOffset: number | null = null,
  ) {
    super(reason)
  }
}
