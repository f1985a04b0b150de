// A printable transcript: one self-contained page, a section per conversation, pictures inline
// as data: URIs. Bodies, names and file names come from other people's phones, so every piece
// of text is escaped, nothing runs (no scripts, and a policy that forbids them and any fetch),
// and only pictures of a few raster types are inlined, by a type checked against a list.
import { createHash } from 'node:crypto'
import type { Conversation } from '../../../../shared/model/conversation'
import type { AttachmentMeta } from '../../../../shared/model/message'
import { isoDate, label } from './items'
import { TextOutput } from './output'
import type { ExportItem, FormatContext, Formatter } from './types'

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Text → HTML safe in element content and in quoted attribute values alike. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c)

const STYLE = `
body { font: 11pt/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 46em; color: #111; }
header.export { border-bottom: 1px solid #999; margin-bottom: 1.5em; }
section { margin-bottom: 2.5em; }
h2 { margin-bottom: 0.2em; }
.members, .meta, .none { color: #555; font-size: 0.9em; }
ol { list-style: none; padding: 0; }
li { margin: 0.6em 0; padding: 0.4em 0.7em; border-radius: 0.5em; background: #eef0f3; }
li.outgoing { margin-left: 4em; background: #dceaff; }
li.incoming { margin-right: 4em; }
.who { font-weight: 600; }
.body { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0.2em 0; }
img { max-width: 100%; max-height: 24em; display: block; margin: 0.3em 0; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  li { break-inside: avoid; background: none; border: 1px solid #bbb; }
  section + section { break-before: page; }
  img { max-height: 9cm; }
}
`
// The policy allows this one stylesheet by its hash, pictures only as data: URIs, and nothing
// else: no script, no frame, no fetch, no form, no base URL.
const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64')
const POLICY = `default-src 'none'; img-src data:; style-src 'sha256-${STYLE_HASH}'; base-uri 'none'; form-action 'none'`

// Types every browser shows as a picture and none runs anything in: no SVG (it can hold script).
const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp'])

const baseType = (mime: string): string => (mime.split(';')[0] ?? '').trim().toLowerCase()

function attachmentHtml(item: ExportItem, a: AttachmentMeta): string {
  const name = escapeHtml(a.name ?? a.mime)
  const type = baseType(a.mime)
  const bytes = INLINE_TYPES.has(type) ? item.bytes(a) : null
  if (bytes === null) return `<p class="none">[${name}: not included]</p>`
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')
  return `<img src="data:${type};base64,${data}" alt="${name}">`
}

export function htmlFormatter(context: FormatContext): Formatter {
  const out = new TextOutput(context.output)
  const when = new Intl.DateTimeFormat(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(context.timeZone === undefined ? {} : { timeZone: context.timeZone }),
  })
  const time = (ms: number): string => {
    const iso = isoDate(ms)
    // isoDate keeps a date Date cannot hold as its number; Intl would throw on it.
    const shown = iso === String(ms) ? iso : when.format(ms)
    return `<time datetime="${escapeHtml(iso)}">${escapeHtml(shown)}</time>`
  }
  const title = escapeHtml(context.only?.title ?? 'Messages')
  return {
    begin: () =>
      out.write(
        `<!DOCTYPE html>\n<html><head><meta charset="utf-8">\n` +
          `<meta http-equiv="Content-Security-Policy" content="${POLICY}">\n` +
          `<meta name="referrer" content="no-referrer">\n<title>${title}</title>\n` +
          `<style>${STYLE}</style></head>\n<body>\n<header class="export"><h1>${title}</h1>` +
          `<p class="meta">Exported from Textbridge on ${time(context.exportedAt)}</p></header>\n`,
      ),
    openConversation: (c: Conversation) =>
      out.write(
        `<section><h2>${escapeHtml(c.title)}</h2>\n<p class="members">` +
          `${c.participants.map((p) => escapeHtml(p.name === null ? p.address : `${p.name} (${p.address})`)).join(', ')}</p>\n<ol>\n`,
      ),
    message: (item) => {
      const { message } = item
      const who = item.from === null ? 'Me' : label(item.from)
      const box = message.box === 'inbox' || message.box === 'sent' ? '' : ` · ${message.box}`
      const body = message.body === '' ? '' : `<p class="body">${escapeHtml(message.body)}</p>`
      return out.write(
        `<li class="${message.direction}"><p class="meta"><span class="who">${escapeHtml(who)}</span> · ` +
          `${time(message.date)}${box}</p>${body}` +
          `${message.attachments.map((a) => attachmentHtml(item, a)).join('')}</li>\n`,
      )
    },
    closeConversation: (_c, messages) =>
      out.write(
        `</ol><p class="meta">${messages} message${messages === 1 ? '' : 's'}</p></section>\n`,
      ),
    end: async (result) => {
      if (result.messages === 0) await out.write('<p class="none">No messages.</p>\n')
      await out.write('</body></html>\n')
      await out.flush()
    },
  }
}
