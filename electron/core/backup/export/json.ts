// One JSON document, written as it is walked: conversations in an array, each with its
// messages, one message a line. Attachments are described (name, type, size), not inlined: a
// JSON export is for reading and for scripts, and base64 pictures would make it many times
// larger; the SMS Backup & Restore export is the one that carries every byte.
import type { Conversation } from '../../../../shared/model/conversation'
import type { Participant } from '../../../../shared/model/message'
import { isoDate } from './items'
import { TextOutput } from './output'
import type { ExportItem, FormatContext, Formatter } from './types'

/** Bumped when a field changes meaning or goes away; new fields do not bump it. */
const VERSION = 1

const person = (p: Participant) => ({ address: p.address, key: p.key, name: p.name })

function messageJson(item: ExportItem): unknown {
  const { message, record, from } = item
  return {
    id: message.id,
    date: isoDate(message.date),
    timestamp: message.date,
    dateSent: message.dateSent === null ? null : isoDate(message.dateSent),
    kind: message.kind,
    type: message.box,
    direction: message.direction,
    from: from === null ? null : person(from),
    body: message.body,
    attachments: message.attachments.map((a) => ({ name: a.name, mime: a.mime, size: a.size })),
    delivery: message.delivery.state,
    read: record.read,
    imported: message.imported,
  }
}

function conversationHead(c: Conversation): string {
  const head = JSON.stringify({
    id: c.id,
    title: c.title,
    participants: c.participants.map(person),
  })
  // The object stays open for its messages array: `{...,"messages":[`.
  return `${head.slice(0, -1)},"messages":[`
}

export function jsonFormatter(context: FormatContext): Formatter {
  const out = new TextOutput(context.output)
  let conversations = 0
  let inConversation = 0
  return {
    begin: () =>
      out.write(
        `{"format":"textbridge-export","version":${VERSION},` +
          `"exportedAt":${JSON.stringify(isoDate(context.exportedAt))},"conversations":[`,
      ),
    openConversation: (c) => {
      inConversation = 0
      return out.write(`${conversations++ === 0 ? '' : ','}\n${conversationHead(c)}`)
    },
    message: (item) =>
      out.write(`${inConversation++ === 0 ? '' : ','}\n${JSON.stringify(messageJson(item))}`),
    closeConversation: () => out.write('\n]}'),
    end: async (result) => {
      await out.write(`\n],"counts":${JSON.stringify(result)}}\n`)
      await out.flush()
    },
  }
}
