// The archive as an SMS Backup & Restore file, through the same writer the tests hold to the
// app's own output: the file restores onto a phone, and our import reads it back to the same
// texts (each one found again by its import key, so importing it twice adds nothing).
import type { Conversation } from '../../../../shared/model/conversation'
import { BackupWriter } from '../sbr'
import type { BackupMessage, BackupMms, MmsBox } from '../sbr'
import { ExportError } from './errors'
import type { ExportItem, FormatContext, Formatter } from './types'

/** What the app writes as contact_name: every known name of the conversation. */
function contactName(conversation: Conversation): string | null {
  const names = conversation.participants.flatMap((p) => (p.name === null ? [] : [p.name]))
  return names.length > 0 ? names.join(', ') : null
}

// Android's MMS table has no queued box (a queued MMS waits in the outbox), so the app could
// not restore one filed as queued.
const mmsBox = (box: ExportItem['message']['box']): MmsBox => (box === 'queued' ? 'outbox' : box)

export function toBackupMessage(item: ExportItem): BackupMessage {
  const { record, message } = item
  const common = {
    date: message.date,
    dateSent: message.dateSent,
    read: record.read,
    // The archive does not keep the app's lock flag.
    locked: false,
    subId: record.subId,
    contactName: contactName(item.conversation),
    subject: null,
    body: message.body,
  }
  if (message.kind === 'sms') {
    // An SMS row has exactly one address; the fallbacks cover a record that lost it.
    const address =
      record.addresses[0] ?? record.senderAddress ?? item.conversation.participants[0]?.key ?? ''
    return {
      ...common,
      kind: 'sms',
      box: message.box,
      address,
      status: record.status,
      serviceCenter: null,
    }
  }
  const from = record.senderAddress
  const mms: BackupMms = {
    ...common,
    kind: 'mms',
    box: mmsBox(message.box),
    addresses: record.addresses,
    from,
    // Everyone else in the conversation; the phone's own number is not in the archive.
    recipients: record.addresses
      .filter((a) => a !== from)
      .map((address) => ({ address, role: 'to' })),
    parts: message.attachments.map((a) => ({
      contentType: a.mime,
      name: a.name,
      data: item.bytes(a),
    })),
    messageId: null,
  }
  return mms
}

export function sbrFormatter(context: FormatContext): Formatter {
  const writer = new BackupWriter(context.output, {
    count: context.total,
    backupDate: context.exportedAt,
  })
  let written = 0
  // The count the app reads first was taken when the export began; only a deletion since then
  // can make the range hold fewer, or a changed date move a text into it (the walk leaves out
  // what arrived later).
  const changed = () =>
    new ExportError('archive_changed', 'the archive changed during the export: export again')
  return {
    begin: () => Promise.resolve(),
    message: async (item) => {
      if (written === context.total) throw changed()
      written++
      await writer.write(toBackupMessage(item))
    },
    end: async () => {
      if (written !== context.total) throw changed()
      await writer.end()
    },
  }
}
