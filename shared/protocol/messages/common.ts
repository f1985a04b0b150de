// Shapes shared by several message types (PROTOCOL.md §8). String lengths count UTF-16 code
// units, which is what both JavaScript's and Java's String.length measure.
import { z } from 'zod'

/** C0 and C1 control characters (U+0000–U+001F, U+007F–U+009F), refused in display names. */
export function hasControlChars(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c <= 0x1f || (c >= 0x7f && c <= 0x9f)) return true
  }
  return false
}

export const displayName = z
  .string()
  .min(1)
  .max(64)
  .refine((s) => !hasControlChars(s), 'control characters are not allowed')
export const instanceId = z.string().regex(/^[0-9a-f]{32}$/)
export const timestamp = z.int().min(0).max(Number.MAX_SAFE_INTEGER)
export const watermark = z.string().min(1).max(128)
export const cursor = z.string().min(1).max(256).nullable()
export const address = z.string().min(1).max(64)
export const messageId = z.string().min(1).max(64)
export const partId = z.string().min(1).max(64)
export const subId = z.int().nullable()
export const sendKey = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/)
export const requestId = z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/)

export const MAX_BODY_CHARS = 262_144

export const part = z.object({
  partId,
  mime: z.string().min(1).max(100),
  size: z.int().min(0).nullable(),
  name: z.string().max(255).nullable(),
})

export const smsMessage = z.object({
  id: messageId,
  kind: z.enum(['sms', 'mms']),
  threadId: z.int().min(0).nullable(),
  box: z.enum(['inbox', 'sent', 'outbox', 'queued', 'failed', 'draft']),
  addresses: z.array(address).min(1).max(50),
  sender: address.nullable(),
  date: timestamp,
  dateSent: timestamp.nullable(),
  body: z.string().max(MAX_BODY_CHARS),
  read: z.boolean(),
  status: z.enum(['none', 'pending', 'complete', 'failed']),
  subId,
  parts: z.array(part).max(20),
  sendKey: sendKey.nullable(),
})

export type SmsMessage = z.infer<typeof smsMessage>
export type MessagePart = z.infer<typeof part>
