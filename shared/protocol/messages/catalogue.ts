// Every message type of protocol v1 (PROTOCOL.md §9): its body schema and who may send it.
import { z } from 'zod'
import {
  address,
  base64Bytes,
  cursor,
  displayName,
  fileName,
  messageId,
  mimeType,
  partId,
  sendKey,
  smsMessage,
  subId,
  timestamp,
  uploadId,
  watermark,
} from './common'

/** Largest carrier MMS limit `hello.sims[].mmsMaxBytes` can state (a Java int). */
export const MAX_MMS_LIMIT = 2_147_483_647
/** What the desktop assumes when a SIM's MMS limit is null or absent (300 KiB). */
export const DEFAULT_MMS_MAX_BYTES = 307_200

export const simSchema = z.object({
  subId: z.int(),
  slot: z.int().min(0),
  label: z.string().min(1).max(64),
  carrier: z.string().max(64).nullable(),
  number: address.nullable(),
  isDefault: z.boolean(),
  mmsMaxBytes: z.int().min(1).max(MAX_MMS_LIMIT).nullable().optional(),
})

/** A device as `hello` describes it; `region` is the phone's country (ISO 3166-1 alpha-2). */
export const deviceSchema = z.object({
  name: displayName,
  model: z.string().max(64).optional(),
  region: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
})

const hello = z.object({
  role: z.enum(['desktop', 'phone']),
  app: z.string().min(1).max(64),
  appVersion: z.string().min(1).max(32),
  protocol: z.int().min(1),
  capabilities: z.array(z.string().min(1).max(32)).max(32),
  device: deviceSchema,
  sims: z.array(simSchema).max(8).optional(),
})

const change = z.discriminatedUnion('op', [
  z.object({ op: z.literal('upsert'), message: smsMessage }),
  z.object({ op: z.literal('delete'), id: messageId }),
])

const syncScope = z.enum(['recent', 'history'])

export const contactSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(256),
  numbers: z
    .array(
      z.object({
        number: address,
        type: z.enum(['mobile', 'home', 'work', 'other']),
        label: z.string().max(64).nullable(),
      }),
    )
    .min(1)
    .max(20),
  photo: z.string().max(32_768).nullable(),
})

export const SEND_FAILURE_REASONS = [
  'generic_failure',
  'radio_off',
  'no_service',
  'null_pdu',
  'limit_exceeded',
  'no_permission',
  'invalid_address',
  'sim_unavailable',
  'group_unsupported',
  'body_too_long',
  'short_code_blocked',
  // Only to desktops that list send.mms; older ones get generic_failure instead (§9.9).
  'mms_too_large',
  'mms_unsupported',
  'attachment_missing',
] as const

// In the order a send moves through them; waiting_for_user only to desktops with send.waiting.
export const SEND_STATES = [
  'accepted',
  'waiting_for_user',
  'sent',
  'delivered',
  'failed',
  'unknown',
] as const

const sendStatus = z
  .object({
    key: sendKey,
    state: z.enum(SEND_STATES),
    reason: z.enum(SEND_FAILURE_REASONS).optional(),
    detail: z.string().max(200).optional(),
    messageId: messageId.nullable(),
    parts: z
      .object({ total: z.int().min(1), sent: z.int().min(0), delivered: z.int().min(0) })
      .optional(),
    at: timestamp,
  })
  .refine((s) => (s.state === 'failed') === (s.reason !== undefined), {
    message: 'reason is present exactly when state is failed',
  })

export const MAX_ATTACHMENT_CHUNK = 196_608
/** Largest file one `attachment.upload` sequence may carry (5 MiB). */
export const MAX_UPLOAD_BYTES = 5_242_880
/** Most attachments one `send.request` may reference. */
export const MAX_SEND_ATTACHMENTS = 10

const uploadTotal = z.int().min(1).max(MAX_UPLOAD_BYTES)

const uploadChunk = z
  .object({
    uploadId,
    offset: z.int().min(0),
    total: uploadTotal,
    mime: mimeType,
    name: fileName,
    data: z
      .string()
      .max((MAX_ATTACHMENT_CHUNK / 3) * 4)
      .refine((d) => (base64Bytes(d) ?? 0) >= 1, 'padded base64 of at least one byte'),
  })
  .refine((u) => u.offset + (base64Bytes(u.data) ?? 0) <= u.total, {
    message: 'the chunk ends past total',
  })

const uploadStored = z
  .object({ uploadId, received: z.int().min(0), total: uploadTotal })
  .refine((s) => s.received <= s.total, { message: 'received is at most total' })

const sendAttachment = z.object({ uploadId, mime: mimeType, name: fileName })

const sendRequest = z
  .object({
    key: sendKey,
    to: z.array(address).min(1).max(20),
    body: z.string().max(5000),
    subId,
    attachments: z.array(sendAttachment).max(MAX_SEND_ATTACHMENTS).optional(),
  })
  .refine((r) => r.body.length > 0 || (r.attachments ?? []).length > 0, {
    message: 'a send needs a body or an attachment',
  })

export const ERROR_CODES = [
  'unknown_type',
  'unsupported_version',
  'bad_request',
  'not_found',
  'not_ready',
  'permission_denied',
  'busy',
  'internal',
  'key_mismatch',
] as const

type Sender = 'desktop' | 'phone' | 'both'
/** An envelope field a type cannot do without; for the rest `id`/`ref` stay optional (§8). */
type Needs = 'id' | 'ref'
interface Entry<S extends z.ZodType> {
  readonly from: Sender
  readonly body: S
  readonly needs?: Needs
}
const entry = <S extends z.ZodType>(from: Sender, body: S, needs?: Needs): Entry<S> =>
  needs === undefined ? { from, body } : { from, body, needs }

export const catalogue = {
  hello: entry('both', hello),
  'pair.result': entry(
    'phone',
    z.object({
      accepted: z.boolean(),
      reason: z.enum(['user_rejected', 'timeout', 'already_paired']).optional(),
    }),
  ),
  'sync.subscribe': entry('desktop', z.object({ watermark: watermark.nullable() })),
  'sync.changes': entry(
    'phone',
    z.object({
      changes: z.array(change).max(1000),
      watermark,
      more: z.boolean(),
      reset: z.boolean(),
    }),
  ),
  'sync.request': entry(
    'desktop',
    z.object({
      scope: syncScope,
      cursor,
      limit: z.int().min(1).max(1000),
      perThread: z.int().min(1).max(100).optional(),
    }),
  ),
  'sync.batch': entry(
    'phone',
    z.object({
      scope: syncScope,
      messages: z.array(smsMessage).max(1000),
      cursor,
      total: z.int().min(0),
    }),
  ),
  'message.new': entry('phone', z.object({ message: smsMessage, watermark })),
  'message.changed': entry('phone', z.object({ message: smsMessage, watermark })),
  'message.deleted': entry('phone', z.object({ id: messageId, watermark })),
  ack: entry('both', z.object({ watermark: watermark.optional() })),
  'contacts.request': entry(
    'desktop',
    z.object({ cursor, limit: z.int().min(1).max(500), photos: z.boolean() }),
  ),
  'contacts.batch': entry(
    'phone',
    z.object({ contacts: z.array(contactSchema).max(500), cursor, total: z.int().min(0) }),
  ),
  'contacts.changed': entry('phone', z.object({})),
  'send.request': entry('desktop', sendRequest),
  'send.status': entry('phone', sendStatus),
  'attachment.request': entry(
    'desktop',
    z.object({
      partId,
      offset: z.int().min(0),
      length: z.int().min(1).max(MAX_ATTACHMENT_CHUNK),
    }),
  ),
  'attachment.chunk': entry(
    'phone',
    z.object({
      partId,
      offset: z.int().min(0),
      total: z.int().min(0),
      mime: z.string().min(1).max(100),
      data: z
        .string()
        .max((MAX_ATTACHMENT_CHUNK / 3) * 4)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/),
    }),
  ),
  // New types are checked strictly from the start, so they can insist on their id and ref.
  'attachment.upload': entry('desktop', uploadChunk, 'id'),
  'attachment.stored': entry('phone', uploadStored, 'ref'),
  ping: entry('both', z.object({ ts: timestamp })),
  pong: entry('both', z.object({ ts: timestamp })),
  unpair: entry('both', z.object({})),
  error: entry(
    'both',
    z.object({ code: z.enum(ERROR_CODES), message: z.string().max(200).optional() }),
  ),
} as const

export type Catalogue = typeof catalogue
export type MessageType = keyof Catalogue
export type BodyOf<T extends MessageType> = z.infer<Catalogue[T]['body']>
export type SendState = (typeof SEND_STATES)[number]
export type SendFailureReason = (typeof SEND_FAILURE_REASONS)[number]
export type ErrorCode = (typeof ERROR_CODES)[number]
export type SyncChange = z.infer<typeof change>
export type Contact = z.infer<typeof contactSchema>
export type SimInfo = z.infer<typeof simSchema>
export type SendAttachment = z.infer<typeof sendAttachment>

export const MESSAGE_TYPES = Object.keys(catalogue) as MessageType[]

export function isMessageType(type: string): type is MessageType {
  return Object.hasOwn(catalogue, type)
}
