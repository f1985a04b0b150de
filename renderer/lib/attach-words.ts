// What the window says about attaching files and sending to groups: why something cannot be
// attached or sent, in sentences a person can act on, kept together so they read alike.
import { formatBytes, MAX_SEND_ATTACHMENTS } from '../../shared/api/compose'

export const NO_MMS_REASON =
  "This phone can't send pictures (its Textbridge app is too old or MMS is off)"
export const NO_GROUP_REASON =
  "This phone can't send group texts (its Textbridge app is too old or MMS is off)"
export const NO_RECIPIENT_REASON = 'Add a recipient first'

/** Why a file cannot go in this message, given the most it could have been. */
export function refusalText(
  file: { readonly name: string; readonly size: number; readonly scalable: boolean },
  room: number,
  limit: number,
): string {
  if (file.scalable) {
    return room <= 0
      ? `${file.name} doesn't fit: the other files and the text take all of the ${formatBytes(limit)} the carrier allows. Remove something first.`
      : `${file.name} can't be made small enough for the ${formatBytes(room)} left in this message. Remove something first.`
  }
  return (
    `${file.name} (${formatBytes(file.size)}) is too big to send: this message has room for ` +
    `${formatBytes(room)} more (the carrier allows ${formatBytes(limit)}), and only pictures ` +
    'can be made smaller.'
  )
}

export function unsupportedText(names: readonly string[]): string {
  const list = names.length === 1 ? names[0] : `${names.length} files`
  return (
    `Textbridge can't send ${list ?? 'that'}: only pictures, videos, audio, contact cards ` +
    '(vCard) and PDFs can be attached.'
  )
}

export function tooManyText(leftOut: number): string {
  return `A message takes at most ${MAX_SEND_ATTACHMENTS} files; ${leftOut} ${leftOut === 1 ? 'was' : 'were'} left out.`
}

/** "240 KB", or "1.8 MB → 280 KB" for a picture made smaller. */
export function sizeText(file: {
  readonly originalSize: number
  readonly size: number | null
  readonly scaled: boolean
}): string {
  if (file.size === null || !file.scaled) return formatBytes(file.originalSize)
  return `${formatBytes(file.originalSize)} → ${formatBytes(file.size)}`
}
