// Attributes → records, and the code tables both directions share.
import { secondsOrMs, Unusable, type Attrs } from './attrs'
import type {
  BackupMms,
  BackupPart,
  BackupSms,
  MmsBox,
  MmsRecipient,
  RecipientRole,
  SmsBox,
  SmsStatus,
} from './types'

/** SMS `type` codes, index = code. */
export const SMS_BOXES: readonly SmsBox[] = ['inbox', 'sent', 'draft', 'outbox', 'failed', 'queued']
/** MMS `msg_box` codes, index + 1 = code. */
export const MMS_BOXES: readonly MmsBox[] = ['inbox', 'sent', 'draft', 'outbox', 'failed']

export const FROM = 137
export const ROLE_CODES: Readonly<Record<RecipientRole, number>> = { to: 151, cc: 130, bcc: 129 }
const ROLES = new Map<number, RecipientRole>([
  [151, 'to'],
  [130, 'cc'],
  [129, 'bcc'],
])
/** What Android stores as the sender of an MMS this phone sent. */
export const SELF = 'insert-address-token'
const UNKNOWN_CONTACT = '(Unknown)'

function box<Box>(boxes: readonly Box[], code: number | null, what: string): Box {
  // Codes outside the table (0 is Android's "all" query value, never stored; vendors have
  // been seen adding their own) are well-formed but mean nothing we can file the message under.
  const found = code === null ? undefined : boxes[code - 1]
  if (found === undefined) throw new Unusable(`${what} ${code ?? 'missing'} is not a known box`)
  return found
}

function status(code: number | null): SmsStatus {
  if (code === null || code < 0) return 'none'
  return code < 32 ? 'complete' : code < 64 ? 'pending' : 'failed'
}

function contactName(a: Attrs): string | null {
  // The app writes "(Unknown)" for a number that is in no contact: not a name.
  const name = a.text('contact_name')
  return name === UNKNOWN_CONTACT || name === '' ? null : name
}

function subId(a: Attrs): number | null {
  const id = a.integer('sub_id')
  return id === null || id < 0 ? null : id
}

function required<T>(value: T | null, what: string): T {
  if (value === null) throw new Unusable(`no ${what}`)
  return value
}

export function readSms(a: Attrs): BackupSms {
  const dateSent = a.time('date_sent')
  return {
    kind: 'sms',
    box: box(SMS_BOXES, a.integer('type'), 'type'),
    address: required(a.text('address') || null, 'address'),
    date: required(a.time('date'), 'date'),
    dateSent: dateSent === 0 ? null : dateSent,
    body: a.text('body') ?? '',
    subject: a.text('subject'),
    read: a.flag('read', true),
    locked: a.flag('locked', false),
    status: status(a.integer('status')),
    serviceCenter: a.text('service_center'),
    subId: subId(a),
    contactName: contactName(a),
  }
}

function isSmil(contentType: string): boolean {
  return contentType.toLowerCase().startsWith('application/smil')
}

function isText(contentType: string): boolean {
  return contentType.toLowerCase().split(';')[0]?.trim() === 'text/plain'
}

interface Recipients {
  from: string | null
  recipients: MmsRecipient[]
}

function readAddrs(addrs: readonly Attrs[]): Recipients {
  const result: Recipients = { from: null, recipients: [] }
  for (const addr of addrs) {
    const address = addr.text('address')
    const code = addr.integer('type')
    if (address === null || address === '') continue
    if (code === FROM) {
      result.from ??= address === SELF ? null : address
      continue
    }
    // Other PDU header codes do not name a person the message went to.
    const role = code === null ? undefined : ROLES.get(code)
    if (role !== undefined) result.recipients.push({ address, role })
  }
  return result
}

function conversation(a: Attrs, addrs: readonly Attrs[]): string[] {
  const listed = (a.text('address') ?? '').split('~').map((s) => s.trim())
  const members = listed.filter((s) => s !== '')
  if (members.length > 0) return members
  // No thread address: fall back to everyone named in <addrs> (which includes this phone).
  const named = addrs.map((x) => x.text('address')).filter((s): s is string => !!s && s !== SELF)
  const distinct = [...new Set(named)]
  return required(distinct.length > 0 ? distinct : null, 'address')
}

export function readMms(a: Attrs, parts: readonly Attrs[], addrs: readonly Attrs[]): BackupMms {
  const texts: string[] = []
  const files: BackupPart[] = []
  for (const part of parts) {
    const contentType = part.text('ct') ?? 'application/octet-stream'
    // The SMIL layout only places the parts on slides; the parts themselves carry everything
    // Textbridge shows, and the writer makes a fresh layout from them.
    if (isSmil(contentType)) continue
    const text = part.text('text')
    const data = part.base64('data')
    if (isText(contentType) && data === null) {
      if (text !== null) texts.push(text)
      continue
    }
    const name = part.text('name') ?? part.text('fn') ?? part.text('cl')
    files.push({ contentType, name, data })
  }
  const dateSent = secondsOrMs(a.time('date_sent'))
  return {
    kind: 'mms',
    box: box(MMS_BOXES, a.integer('msg_box'), 'msg_box'),
    addresses: conversation(a, addrs),
    ...readAddrs(addrs),
    date: required(secondsOrMs(a.time('date')), 'date'),
    dateSent: dateSent === 0 ? null : dateSent,
    subject: a.text('sub'),
    body: texts.join('\n'),
    parts: files,
    read: a.flag('read', true),
    locked: a.flag('locked', false),
    subId: subId(a),
    contactName: contactName(a),
    messageId: a.text('m_id'),
  }
}
