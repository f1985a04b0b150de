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
/** Names one file being uploaded for an outgoing MMS; the same shape as a send key. */
export const uploadId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/)
export const requestId = z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/)

export const MAX_BODY_CHARS = 262_144

export const mimeType = z.string().min(1).max(100)
export const fileName = z.string().max(255).nullable()

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/**
 * The number of bytes a standard base64 string encodes (RFC 4648 §4: padded, no line breaks),
 * or null when it is not exactly that. The pad bits must be zero, so each byte string has one
 * encoding and both codecs agree on every input, and the decoded length is known without
 * decoding (the upload rule offset + length ≤ total needs it).
 */
export function base64Bytes(s: string): number | null {
  if (s.length % 4 !== 0) return null
  const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0
  const end = s.length - pad
  for (let i = 0; i < end; i++) {
    if (BASE64_ALPHABET.indexOf(s.charAt(i)) < 0) return null
  }
  if (pad > 0) {
    // The last data character carries 4 (one pad) or 2 (two pads) unused low bits.
    const last = BASE64_ALPHABET.indexOf(s.charAt(end - 1))
    if ((last & (pad === 2 ? 0x0f : 0x03)) !== 0) return null
  }
  return (s.length / 4) * 3 - pad
}

export const part = z.object({
  partId,
  mime: mimeType,
  size: z.int().min(0).nullable(),
  name: fileName,
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
