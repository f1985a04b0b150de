// Pictures and files attached to a text before it is sent, and the size rules both sides apply
// to one MMS. The window stages each file with the core in chunks (the web bridge takes at most
// 256 KiB per request), then names the staged files in `messages.send`. Shared so that the
// window can scale pictures to exactly the budget the core will check.
import { z } from 'zod'
import {
  DEFAULT_MMS_MAX_BYTES,
  MAX_SEND_ATTACHMENTS,
  MAX_UPLOAD_BYTES,
  type SimInfo,
} from '../protocol/messages/catalogue'
import { hasControlChars } from '../protocol/messages/common'

export { DEFAULT_MMS_MAX_BYTES, MAX_SEND_ATTACHMENTS }

/** Largest file one attachment may be: what the phone accepts in one upload (5 MiB). */
export const MAX_STAGE_BYTES = MAX_UPLOAD_BYTES
/** Bytes per staging chunk: its base64 fits the web bridge's request limit with room to spare. */
export const STAGE_CHUNK_BYTES = 160 * 1024

/**
 * What can be attached. Kept to the types phones and carriers handle as MMS parts and that
 * the window can show or offer to save. SVG and HTML are left out on purpose: they can carry
 * scripts, and a picture from the archive is drawn by the window.
 */
export const ATTACHMENT_MIME_TYPES = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'video/mp4',
  'video/3gpp',
  'video/3gpp2',
  'video/webm',
  'audio/mpeg',
  'audio/mp4',
  'audio/aac',
  'audio/amr',
  'audio/3gpp',
  'audio/ogg',
  'audio/wav',
  'text/vcard',
  'text/x-vcard',
  'application/pdf',
] as const
export type AttachmentMime = (typeof ATTACHMENT_MIME_TYPES)[number]

export const stageIdSchema = z.string().regex(/^[0-9a-f]{32}$/)

export const stageRequestSchema = z
  .object({
    name: z
      .string()
      .min(1)
      .max(255)
      .refine((s) => !hasControlChars(s), 'control characters are not allowed'),
    mime: z.enum(ATTACHMENT_MIME_TYPES),
    size: z.int().min(1).max(MAX_STAGE_BYTES),
  })
  .strict()

export const stageChunkSchema = z
  .object({
    stageId: stageIdSchema,
    offset: z.int().min(0).max(MAX_STAGE_BYTES),
    data: z.base64().max(Math.ceil(STAGE_CHUNK_BYTES / 3) * 4),
  })
  .strict()

export interface StagedProgress {
  /** Bytes of the file the core holds so far; the file is complete when this equals its size. */
  readonly received: number
}

/**
 * What one MMS costs beyond its text and files: the PDU's headers, one `To` per recipient, the
 * SMIL layout and each part's headers (names are at most 40 characters on the phone). Generous
 * on purpose: the phone measures the encoded message exactly and refuses one over the limit, and
 * a text refused there has already left this desktop.
 */
export const MMS_BASE_OVERHEAD = 1024
export const MMS_RECIPIENT_OVERHEAD = 96
export const MMS_PART_OVERHEAD = 256

/** The size of one MMS as the desktop counts it against the SIM's limit. */
export function estimateMmsBytes(input: {
  /** The text, in UTF-8 bytes. */
  readonly bodyBytes: number
  readonly attachmentSizes: readonly number[]
  readonly recipients: number
}): number {
  const files = input.attachmentSizes.reduce((sum, n) => sum + n, 0)
  const parts = input.attachmentSizes.length + (input.bodyBytes > 0 ? 1 : 0)
  return (
    MMS_BASE_OVERHEAD +
    MMS_RECIPIENT_OVERHEAD * input.recipients +
    MMS_PART_OVERHEAD * parts +
    files +
    input.bodyBytes
  )
}

/** One SIM's MMS limit: what the phone stated, else the protocol's assumption (300 KiB). */
export function simMmsLimit(sim: Pick<SimInfo, 'mmsMaxBytes'> | undefined): number {
  return sim?.mmsMaxBytes ?? DEFAULT_MMS_MAX_BYTES
}

/**
 * The limit a send is held to. With a SIM chosen, that SIM's. Without one the phone picks (the
 * conversation's own SIM, else its default), so the desktop holds the send to the smaller limit
 * of the SIMs it could be: the conversation's and the default one, or every SIM when neither is
 * known.
 */
export function mmsLimitFor(
  sims: readonly SimInfo[],
  subId: number | null,
  conversationSubId: number | null,
): number {
  if (subId !== null) return simMmsLimit(sims.find((s) => s.subId === subId))
  const candidates = sims.filter((s) => s.subId === conversationSubId || s.isDefault)
  const pool = candidates.length > 0 ? candidates : sims
  if (pool.length === 0) return DEFAULT_MMS_MAX_BYTES
  return Math.min(...pool.map(simMmsLimit))
}

/** "300 KB", "1.2 MB": sizes in the sentences the core refuses a send with. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000 * 1024) return `${Math.ceil(bytes / 1024)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}
