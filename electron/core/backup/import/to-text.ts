// A backup's message as the archive stores an imported text. The numbers stay as the file has
// them: the archive normalises them in the phone's country, exactly as it does the phone's own,
// so both land in the same conversation.
import type { ImportedText } from '../../store/messages/import-writer'
import type { BackupMessage } from '../sbr'

export function toImportedText(message: BackupMessage): ImportedText {
  const common = {
    box: message.box,
    date: message.date,
    dateSent: message.dateSent,
    read: message.read,
    subId: message.subId,
  }
  if (message.kind === 'sms') {
    return {
      ...common,
      kind: 'sms',
      addresses: [message.address],
      sender: message.box === 'inbox' ? message.address : null,
      body: message.body,
      parts: [],
    }
  }
  const addresses =
    message.addresses.length > 0
      ? message.addresses
      : message.recipients.map((r) => r.address).filter((a) => a !== message.from)
  return {
    ...common,
    kind: 'mms',
    addresses: message.from !== null && addresses.length === 0 ? [message.from] : addresses,
    sender: message.box === 'inbox' ? message.from : null,
    body: message.body,
    parts: message.parts.map((p) => ({ mime: p.contentType, name: p.name, bytes: p.data })),
  }
}
