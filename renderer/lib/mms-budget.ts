// How the bytes of one picture message are shared out. The SIM's carrier takes at most `limit`
// bytes per MMS, and the core refuses a send whose estimate is over it (shared/api/compose.ts),
// so the window decides here, before anything is staged, which files go as they are, which
// pictures are scaled down and to what size, and which files cannot go at all. Pure arithmetic,
// so every decision can be tested without a picture.
import { MAX_STAGE_BYTES, estimateMmsBytes } from '../../shared/api/compose'

/**
 * Kept free for the MMS headers, one `To` per recipient, the SMIL and each part's headers. It is
 * more than the core's own estimate of those for the largest message allowed (20 recipients, 10
 * files and the text: under 6 KiB), so whatever fits here passes the core's check too.
 */
export const HEADROOM = 8 * 1024
/**
 * Scaled pictures leave this much of the budget unused, so a few more words typed after the
 * pictures were made smaller do not force them to be made smaller again.
 */
export const TYPE_AHEAD = 2 * 1024
/** Below this a photo is a smudge; such a picture is refused rather than sent. */
export const MIN_PICTURE_BYTES = 12 * 1024

export interface BudgetFile {
  readonly id: number
  /** The file's size as the user attached it. */
  readonly size: number
  /** A picture the window can re-encode as a smaller JPEG. */
  readonly scalable: boolean
  /** A picture that must be re-encoded whatever its size (a BMP, which MMS does not carry). */
  readonly mustConvert?: boolean
}

export interface BudgetInput {
  readonly limit: number
  /** The text, in UTF-8 bytes. */
  readonly textBytes: number
  readonly recipients: number
  readonly files: readonly BudgetFile[]
}

export type FilePlan =
  /** Goes as it is. */
  | { readonly kind: 'keep' }
  /** A picture to re-encode to at most `target` bytes. */
  | { readonly kind: 'scale'; readonly target: number }
  /** Cannot go in this message; `room` is the most it could have been. */
  | { readonly kind: 'refuse'; readonly room: number }

/** The bytes the files of a message may take: the limit less the headroom and the text. */
export function fileBudget(
  input: Pick<BudgetInput, 'limit' | 'textBytes' | 'recipients'> & { readonly parts: number },
): number {
  const overhead =
    estimateMmsBytes({
      bodyBytes: input.textBytes,
      attachmentSizes: Array.from({ length: input.parts }, () => 0),
      recipients: input.recipients,
    }) - input.textBytes
  return input.limit - Math.max(HEADROOM, overhead) - input.textBytes
}

/** Whether files of these sizes go in one message with this text. */
export function fitsBudget(
  input: Pick<BudgetInput, 'limit' | 'textBytes' | 'recipients'> & {
    readonly sizes: readonly number[]
  },
): boolean {
  const total = input.sizes.reduce((sum, n) => sum + n, 0)
  return total <= fileBudget({ ...input, parts: input.sizes.length })
}

/**
 * Decides every file of a draft. Files that cannot be made smaller (video, audio, PDF, vCard)
 * are taken first, in the order attached, while they fit and leave each picture its minimum;
 * the rest of the budget is shared between the pictures by water-filling: the smallest go as
 * they are when they fit their share, and the others split what is left equally.
 */
export function planAttachments(input: BudgetInput): Map<number, FilePlan> {
  const plans = new Map<number, FilePlan>()
  let room = fileBudget({ ...input, parts: input.files.length })
  const pictures = input.files.filter((f) => f.scalable)

  // No more pictures than can each have their minimum, the first attached first.
  const pictureRoom = Math.max(0, room)
  const fitting = Math.min(pictures.length, Math.floor(pictureRoom / MIN_PICTURE_BYTES))
  const kept = pictures.slice(0, fitting)
  for (const p of pictures.slice(fitting)) plans.set(p.id, { kind: 'refuse', room: 0 })

  const reserve = kept.length * MIN_PICTURE_BYTES
  for (const f of input.files) {
    if (f.scalable) continue
    const available = Math.max(0, Math.min(MAX_STAGE_BYTES, room - reserve))
    if (f.size <= available) {
      plans.set(f.id, { kind: 'keep' })
      room -= f.size
    } else {
      plans.set(f.id, { kind: 'refuse', room: available })
    }
  }

  let left = kept.length
  let typeAheadTaken = false
  for (const p of [...kept].sort((a, b) => a.size - b.size)) {
    let share = Math.floor(room / left)
    if (p.mustConvert !== true && p.size <= Math.min(share, MAX_STAGE_BYTES)) {
      plans.set(p.id, { kind: 'keep' })
      room -= p.size
    } else {
      if (!typeAheadTaken) {
        typeAheadTaken = true
        room -= TYPE_AHEAD
        share = Math.floor(room / left)
      }
      const target = Math.min(MAX_STAGE_BYTES, share)
      if (target < MIN_PICTURE_BYTES) {
        plans.set(p.id, { kind: 'refuse', room: Math.max(0, target) })
      } else {
        plans.set(p.id, { kind: 'scale', target })
        room -= target
      }
    }
    left -= 1
  }
  return plans
}

/** The UTF-8 length of a text, without encoding it (the compose box asks on every key). */
export function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4
      i++
    } else bytes += 3
  }
  return bytes
}
