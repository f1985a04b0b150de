// Records → the app's XML, one element per message, attributes in the app's order and "null"
// for every column Textbridge has no value for, so the file restores like one the app made.
import { FROM, MMS_BOXES, ROLE_CODES, SELF, SMS_BOXES } from './records'
import { escapeAttribute } from './text'
import type { BackupMms, BackupPart, BackupSms, SmsStatus } from './types'

type Value = string | number | boolean | null

const STATUS_CODES: Readonly<Record<SmsStatus, number>> = {
  none: -1,
  complete: 0,
  pending: 32,
  failed: 64,
}
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const pad = (n: number): string => String(n).padStart(2, '0')

function value(v: Value): string {
  if (v === null) return 'null'
  if (typeof v === 'boolean') return v ? '1' : '0'
  return typeof v === 'number' ? String(v) : escapeAttribute(v)
}

function element(
  name: string,
  attrs: readonly (readonly [string, Value])[],
  inner?: string,
): string {
  const text = attrs.map(([k, v]) => ` ${k}="${value(v)}"`).join('')
  return inner === undefined ? `<${name}${text} />` : `<${name}${text}>${inner}</${name}>`
}

/** The app's `readable_date`, in its default English form: "Dec 5, 2024 10:00:00 AM". */
export function readableDate(ms: number, utcOffsetMs: number): string {
  const d = new Date(ms + utcOffsetMs)
  const hours = d.getUTCHours()
  const time = `${hours % 12 || 12}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  const day = `${MONTHS[d.getUTCMonth()] ?? ''} ${d.getUTCDate()}, ${d.getUTCFullYear()}`
  return `${day} ${time} ${hours < 12 ? 'AM' : 'PM'}`
}

/** The header comment's "dd/MM/yyyy HH:mm:ss". */
export function commentDate(ms: number, utcOffsetMs: number): string {
  const d = new Date(ms + utcOffsetMs)
  const day = `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`
  return `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
}

export function formatSms(m: BackupSms, utcOffsetMs: number): string {
  return element('sms', [
    ['protocol', 0],
    ['address', m.address],
    ['date', m.date],
    ['type', SMS_BOXES.indexOf(m.box) + 1],
    ['subject', m.subject],
    ['body', m.body],
    ['toa', null],
    ['sc_toa', null],
    ['service_center', m.serviceCenter],
    ['read', m.read],
    ['status', STATUS_CODES[m.status]],
    ['locked', m.locked],
    ['date_sent', m.dateSent ?? 0],
    ['sub_id', m.subId ?? -1],
    ['readable_date', readableDate(m.date, utcOffsetMs)],
    ['contact_name', m.contactName],
  ])
}

const SMIL_LAYOUT =
  '<head><layout><root-layout/>' +
  '<region id="Image" fit="meet" top="0" left="0" height="80%" width="100%"/>' +
  '<region id="Text" top="80%" left="0" height="20%" width="100%" fit="scroll"/>' +
  '</layout></head>'

function smilTag(part: BackupPart, src: string): string {
  const type = part.contentType.toLowerCase()
  if (type.startsWith('image/')) return `<img src="${src}" region="Image"/>`
  if (type.startsWith('video/')) return `<video src="${src}" region="Image"/>`
  if (type.startsWith('audio/')) return `<audio src="${src}"/>`
  return `<ref src="${src}"/>`
}

/** The file name a part is known by in the SMIL and its cid. */
const partRef = (part: BackupPart, k: number): string => part.name ?? `part_${k}`

/** One slide with every part on it: the layout Android's messaging apps write for a photo. */
function smil(m: BackupMms): string {
  const media = m.parts.map((p, k) => smilTag(p, escapeAttribute(partRef(p, k))))
  const text = m.body === '' ? '' : '<text src="text_0.txt" region="Text"/>'
  return `<smil>${SMIL_LAYOUT}<body><par dur="5000ms">${media.join('')}${text}</par></body></smil>`
}

function partElement(
  seq: number,
  ct: string,
  name: string | null,
  rest: Partial<PartRest>,
): string {
  return element('part', [
    ['seq', seq],
    ['ct', ct],
    ['name', name],
    ['chset', rest.chset ?? null],
    ['cd', null],
    ['fn', null],
    ['cid', rest.cid ?? null],
    ['cl', rest.cl ?? null],
    ['ctt_s', null],
    ['ctt_t', null],
    ['text', rest.text ?? null],
    ...(rest.data === undefined ? [] : [['data', rest.data] as const]),
  ])
}

interface PartRest {
  chset: number
  cid: string
  cl: string | null
  text: string
  data: string
}

function formatParts(m: BackupMms): string[] {
  const parts = [
    partElement(-1, 'application/smil', null, { cid: '<smil>', cl: 'smil.xml', text: smil(m) }),
  ]
  if (m.body !== '') {
    parts.push(
      partElement(0, 'text/plain', null, {
        chset: 106,
        cid: '<text_0>',
        cl: 'text_0.txt',
        text: m.body,
      }),
    )
  }
  m.parts.forEach((p, k) => {
    const data = p.data === null ? {} : { data: Buffer.from(p.data).toString('base64') }
    parts.push(
      partElement(0, p.contentType, p.name, { cid: `<${partRef(p, k)}>`, cl: p.name, ...data }),
    )
  })
  return parts
}

function formatAddrs(m: BackupMms): string[] {
  const from = element('addr', [
    ['address', m.from ?? SELF],
    ['type', FROM],
    ['charset', 106],
  ])
  const to = m.recipients.map((r) =>
    element('addr', [
      ['address', r.address],
      ['type', ROLE_CODES[r.role]],
      ['charset', 106],
    ]),
  )
  return [from, ...to]
}

function messageSize(m: BackupMms): number {
  return m.parts.reduce((n, p) => n + (p.data?.length ?? 0), Buffer.byteLength(m.body))
}

export function formatMms(m: BackupMms, utcOffsetMs: number): string {
  const attrs: [string, Value][] = [
    ['date', m.date],
    ['rr', null],
    ['sub', m.subject],
    ['ct_t', 'application/vnd.wap.multipart.related'],
    ['read_status', null],
    ['seen', 1],
    ['msg_box', MMS_BOXES.indexOf(m.box) + 1],
    ['address', m.addresses.join('~')],
    ['sub_cs', null],
    ['resp_st', null],
    ['retr_st', null],
    ['d_tm', null],
    ['text_only', m.parts.length === 0],
    ['exp', null],
    ['locked', m.locked],
    ['m_id', m.messageId],
    ['st', null],
    ['retr_txt_cs', null],
    ['retr_txt', null],
    ['creator', null],
    // Android keeps an MMS's date_sent in seconds, and the app writes it as it is stored.
    ['date_sent', m.dateSent === null ? 0 : Math.floor(m.dateSent / 1000)],
    ['read', m.read],
    ['m_size', messageSize(m)],
    ['rpt_a', null],
    ['ct_cls', null],
    ['pri', null],
    ['sub_id', m.subId ?? -1],
    ['tr_id', null],
    ['resp_txt', null],
    ['ct_l', null],
    ['m_cls', 'personal'],
    ['d_rpt', null],
    ['v', 18],
    // 132 = m-retrieve-conf (a received message), 128 = m-send-req (one this phone sent).
    ['m_type', m.box === 'inbox' ? 132 : 128],
    ['readable_date', readableDate(m.date, utcOffsetMs)],
    ['contact_name', m.contactName],
  ]
  // Laid out on lines as the app does, so the file stays readable in an editor.
  const list = (items: string[]): string => items.map((x) => `\n      ${x}`).join('')
  const parts = `\n    <parts>${list(formatParts(m))}\n    </parts>`
  const addrs = `\n    <addrs>${list(formatAddrs(m))}\n    </addrs>\n  `
  return element('mms', attrs, parts + addrs)
}
