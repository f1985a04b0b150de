// The records an SMS Backup & Restore file holds, as this module reads and writes them. They
// keep what a Textbridge archive can use and what a faithful rewrite needs; the provider's
// bookkeeping columns (toa, rr, tr_id, ...) are dropped on read and written back as "null".

/** Android's SMS `type` column: 1 inbox … 6 queued. Every box is kept as what it is. */
export type SmsBox = 'inbox' | 'sent' | 'draft' | 'outbox' | 'failed' | 'queued'

/** Android's MMS `msg_box` column: 1 inbox … 5 failed. MMS has no queued box. */
export type MmsBox = Exclude<SmsBox, 'queued'>

/** The SMS `status` column (TP-Status): -1 none, 0–31 complete, 32–63 pending, 64+ failed. */
export type SmsStatus = 'none' | 'complete' | 'pending' | 'failed'

/** What an MMS `<addr>` is to the message: PDU header codes 137 from, 151 to, 130 cc, 129 bcc. */
export type RecipientRole = 'to' | 'cc' | 'bcc'

interface CommonFields {
  /** When the phone stored the message, ms since the epoch. */
  readonly date: number
  /** When the sender's handset sent it, ms; null when the file says 0 or nothing. */
  readonly dateSent: number | null
  readonly read: boolean
  readonly locked: boolean
  /** The SIM's subscription id; null when the file says -1 or nothing (single-SIM phones). */
  readonly subId: number | null
  /** The name the phone's address book gave the other side at backup time. */
  readonly contactName: string | null
}

export interface BackupSms extends CommonFields {
  readonly kind: 'sms'
  readonly box: SmsBox
  /** The other side's number, as the phone stored it (no normalisation). */
  readonly address: string
  readonly body: string
  readonly subject: string | null
  readonly status: SmsStatus
  readonly serviceCenter: string | null
}

export interface MmsRecipient {
  readonly address: string
  readonly role: RecipientRole
}

/** One attachment of an MMS: a picture, a video, a vCard... never the SMIL layout or its text. */
export interface BackupPart {
  readonly contentType: string
  /** File name, from the part's `name`, else `fn`, else `cl`. */
  readonly name: string | null
  /** The bytes; null when the backup holds none (the app was told to skip media, or it expired). */
  readonly data: Uint8Array | null
}

export interface BackupMms extends CommonFields {
  readonly kind: 'mms'
  readonly box: MmsBox
  /** The conversation's other members (the `address` attribute, "~"-separated), in file order. */
  readonly addresses: readonly string[]
  /** Who sent it (the 137 addr); null when the phone itself did ("insert-address-token"). */
  readonly from: string | null
  /** Everyone it went to (151/130/129 addrs), in file order; includes this phone when incoming. */
  readonly recipients: readonly MmsRecipient[]
  readonly subject: string | null
  /** The text parts, joined with "\n" (one per slide). */
  readonly body: string
  readonly parts: readonly BackupPart[]
  /** The MMS Message-ID (`m_id`), which identifies the same message across backups. */
  readonly messageId: string | null
}

export type BackupMessage = BackupSms | BackupMms

/** The root element's attributes. */
export interface BackupHeader {
  /** How many messages the file claims to hold: often wrong, so only a progress hint. */
  readonly count: number | null
  readonly backupSet: string | null
  /** When the backup was made, ms. */
  readonly backupDate: number | null
  /** "full" or "incremental" as the app says; any other text is passed on as it is. */
  readonly type: string | null
}

export interface BackupProgress {
  /** Bytes of the file consumed so far. */
  readonly bytesRead: number
  /** The file's size when known (a path, or the caller said). */
  readonly totalBytes: number | null
  /** Messages delivered so far. */
  readonly messages: number
  /** Well-formed messages this model has no place for (see SkippedMessage). */
  readonly skipped: number
  /** The root's `count`, when the file has one. */
  readonly countHint: number | null
}

/** A message that was read but not delivered, and why (an unknown box, no address, no date). */
export interface SkippedMessage {
  readonly line: number
  readonly reason: string
}
