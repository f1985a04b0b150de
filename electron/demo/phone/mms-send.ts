// What the demo phone checks before it sends a picture or group message, and the one MMS row
// its provider then holds (PROTOCOL.md §9.9): every recipient, the text, and each file as a
// part whose bytes attachment.request serves.
import { simMmsLimit } from '../../../shared/api/compose'
import type { BodyOf, SendFailureReason, SimInfo } from '../../../shared/protocol'
import type { StoredMessage } from './phone-store'
import type { UploadStore, UploadedFile } from './uploads'

export type MmsCheck =
  | { readonly ok: true; readonly files: readonly UploadedFile[] }
  | { readonly ok: false; readonly reason: SendFailureReason }

export function isMmsRequest(request: BodyOf<'send.request'>): boolean {
  return (request.attachments ?? []).length > 0 || request.to.length > 1
}

/**
 * The encoded m-send-req, roughly as the Java phone's encoder counts it: headers, one `To` per
 * recipient, the SMIL, and each part with its headers.
 */
function encodedSize(request: BodyOf<'send.request'>, files: readonly UploadedFile[]): number {
  const text = Buffer.byteLength(request.body, 'utf8')
  const parts = files.length + (text > 0 ? 1 : 0)
  const data = files.reduce((n, f) => n + f.bytes.length, 0)
  return 120 + 30 * request.to.length + 300 + 80 * parts + data + text
}

export function checkMms(
  request: BodyOf<'send.request'>,
  owner: string,
  uploads: UploadStore,
  capabilities: readonly string[],
  sims: readonly SimInfo[],
): MmsCheck {
  if (!capabilities.includes('send.mms')) return { ok: false, reason: 'mms_unsupported' }
  if (request.to.length > 1 && !capabilities.includes('send.group'))
    return { ok: false, reason: 'group_unsupported' }
  const files: UploadedFile[] = []
  for (const a of request.attachments ?? []) {
    const file = uploads.complete(owner, a.uploadId)
    if (file === null || file.mime !== a.mime) return { ok: false, reason: 'attachment_missing' }
    files.push({ ...file, name: a.name ?? file.name })
  }
  const sim =
    request.subId === null
      ? sims.find((s) => s.isDefault)
      : sims.find((s) => s.subId === request.subId)
  if (encodedSize(request, files) > simMmsLimit(sim)) return { ok: false, reason: 'mms_too_large' }
  return { ok: true, files }
}

/** The provider's row of a sent (or failed) MMS, carrying the send key (§8, `sendKey`). */
export function mmsRow(input: {
  readonly id: string
  readonly threadId: number
  readonly request: BodyOf<'send.request'>
  readonly files: readonly UploadedFile[]
  readonly key: string
  readonly date: number
  readonly failed: boolean
}): StoredMessage {
  const { id, request } = input
  return {
    id,
    kind: 'mms',
    threadId: input.threadId,
    box: input.failed ? 'failed' : 'sent',
    addresses: request.to,
    sender: null,
    date: input.date,
    dateSent: null,
    body: request.body,
    read: true,
    status: input.failed ? 'failed' : 'pending',
    subId: request.subId ?? 1,
    // Android's ids for the parts; names as the phone cleaned them up (it keeps them here).
    parts: input.files.map((f, k) => ({
      partId: `${id}:${k + 1}`,
      mime: f.mime,
      size: f.bytes.length,
      name: f.name,
      data: f.bytes.toString('base64'),
    })),
    sendKey: input.key,
  }
}
