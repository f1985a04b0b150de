// The synthetic history as an SMS Backup & Restore file: the same message stream as the JSON
// history (createHistory), each message turned into the backup's record as it is produced and
// streamed out by the backup writer, so a million messages never sit in memory together.
import type { Writable } from 'node:stream'
import {
  writeBackup,
  type BackupMessage,
  type BackupMms,
  type BackupSms,
  type MmsRecipient,
} from '../../core/backup/sbr'
import type { HistoryMessage } from '../../../shared/history/schema'
import { createHistory, type HistoryHead, type WriteResult } from './history'
import type { GenerateInput, GenerateOptions } from './options'
import { utcOffset } from './timeline'

/** Phones match a stored number to a contact loosely, on its last digits; so does this. */
const KEY_DIGITS = 9
const numberKey = (address: string): string => address.replace(/\D/g, '').slice(-KEY_DIGITS)

/** Looks up the address-book name the phone would have shown for a number. */
export function contactNames(head: HistoryHead): (address: string) => string | null {
  const names = new Map<string, string>()
  for (const contact of head.contacts) {
    for (const { number } of contact.numbers) {
      const key = numberKey(number)
      if (key.length === KEY_DIGITS && !names.has(key)) names.set(key, contact.name)
    }
  }
  return (address) => names.get(numberKey(address)) ?? null
}

export interface Phone {
  readonly nameOf: (address: string) => string | null
  /** This phone's own number on a SIM, when known: the "to" of incoming group texts. */
  readonly ownNumber: (subId: number | null) => string | null
}

export function phoneOf(head: HistoryHead): Phone {
  return {
    nameOf: contactNames(head),
    ownNumber: (subId) =>
      (head.sims.find((s) => s.subId === subId) ?? head.sims[0])?.number ?? null,
  }
}

function toSms(m: HistoryMessage, phone: Phone): BackupSms {
  const address = m.addresses[0] ?? ''
  return {
    kind: 'sms',
    box: m.box,
    address,
    date: m.date,
    dateSent: m.dateSent,
    body: m.body,
    subject: null,
    read: m.read,
    locked: false,
    status: m.status,
    serviceCenter: null,
    subId: m.subId,
    contactName: phone.nameOf(address),
  }
}

function toMms(m: HistoryMessage, phone: Phone): BackupMms {
  const incoming = m.box === 'inbox'
  const own = phone.ownNumber(m.subId)
  const to = incoming ? m.addresses.filter((a) => a !== m.sender) : [...m.addresses]
  if (incoming && own !== null) to.push(own)
  const recipients = to.map((address): MmsRecipient => ({ address, role: 'to' }))
  const names = m.addresses.map((a) => phone.nameOf(a) ?? a)
  return {
    kind: 'mms',
    // Android has no queued box for MMS: a queued one waits in the outbox.
    box: m.box === 'queued' ? 'outbox' : m.box,
    addresses: m.addresses,
    from: incoming ? m.sender : null,
    recipients,
    date: m.date,
    // The file keeps an MMS's date_sent in whole seconds.
    dateSent: m.dateSent === null ? null : Math.floor(m.dateSent / 1000) * 1000,
    subject: null,
    body: m.body,
    parts: m.parts.map((p) => ({
      contentType: p.mime,
      name: p.name,
      data: p.data === null ? null : Buffer.from(p.data, 'base64'),
    })),
    read: m.read,
    locked: false,
    subId: m.subId,
    contactName: names.join(', '),
    messageId: `${m.id.replace(':', '-')}@mms.example`,
  }
}

/** One history message as the backup's record. */
export function toBackupMessage(m: HistoryMessage, phone: Phone): BackupMessage {
  return m.kind === 'sms' ? toSms(m, phone) : toMms(m, phone)
}

/** A backup_set UUID made from the seed, so the same options give the same bytes. */
function backupSet(o: GenerateOptions): string {
  const hex = (o.seed >>> 0).toString(16).padStart(12, '0')
  return `7e57da7a-0000-4000-8000-${hex}`
}

/**
 * Streams a history as an SMS Backup & Restore file. Given a path, creates the file and closes
 * it; given a Writable, writes to it and leaves ending it to the caller.
 */
export async function writeHistorySbr(
  output: Writable | string,
  input: GenerateInput = {},
): Promise<WriteResult> {
  const history = createHistory(input)
  const phone = phoneOf(history.head)
  const records = {
    *[Symbol.iterator](): Iterator<BackupMessage> {
      for (const m of history.messages) yield toBackupMessage(m, phone)
    },
  }
  const result = await writeBackup(output, records, {
    count: history.stats.messages,
    backupSet: backupSet(history.options),
    backupDate: history.options.endDate,
    utcOffsetMs: utcOffset(history.options),
    createdBy: 'Textbridge history generator',
  })
  return { ...history.stats, bytes: result.bytes }
}
