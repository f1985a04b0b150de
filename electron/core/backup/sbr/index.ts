// SMS Backup & Restore (SyncTech) XML files, read and written as streams. Pure: no database,
// no UI; an importer or exporter sits on top.
//
// Reading:
//   const reader = readBackup('/path/sms-20260712.xml')         // or a Readable of the bytes
//   for await (const message of reader) await store(message)    // the file waits for store()
//   reader.progress   // { bytesRead, totalBytes, messages, skipped, countHint }
//   reader.skipped    // well-formed messages with no place here: { line, reason }
// A damaged file throws BackupDamaged (code, line, column, byteOffset, reason, delivered) after
// every complete message before the damage. Memory stays near one message, capped at 64 MiB.
//
// Writing:
//   await writeBackup('/tmp/sms.xml', messages, { count: messages.length })
//   or, message by message: const w = new BackupWriter(stream, { count }); await w.write(m); await w.end()
//
// What the records keep: SMS boxes 1–6 and MMS boxes 1–5 by name (other codes are skipped);
// "null", date_sent 0 and sub_id -1 as null; MMS text parts as the body, other parts as
// attachments with their bytes; the SMIL layout is dropped on read and made anew on write.
export { BackupDamaged, type DamageCode, type DamagePlace } from './errors'
export { MAX_MESSAGE_BYTES, readBackup, type BackupReader, type ReadOptions } from './reader'
export type {
  BackupHeader,
  BackupMessage,
  BackupMms,
  BackupPart,
  BackupProgress,
  BackupSms,
  MmsBox,
  MmsRecipient,
  RecipientRole,
  SkippedMessage,
  SmsBox,
  SmsStatus,
} from './types'
export { BackupWriter, writeBackup, type WriteBackupResult, type WriteOptions } from './writer'
