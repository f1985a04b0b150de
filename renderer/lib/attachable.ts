// Which files can go in a picture message, and as what. The core takes only the types in
// ATTACHMENT_MIME_TYPES; what the operating system calls a file varies (an empty type for a
// .vcf on Linux, image/jpg, audio/x-wav), so a file is known by its type, then by its name.
import { ATTACHMENT_MIME_TYPES, type AttachmentMime } from '../../shared/api/compose'

export interface Attachable {
  /** What it is staged as (a converted picture becomes a JPEG). */
  readonly mime: AttachmentMime
  /** Shown as a picture (thumbnail, and the bubble draws it). */
  readonly picture: boolean
  /** A picture the window can re-encode smaller. */
  readonly scalable: boolean
  /** A picture MMS does not carry as it is, re-encoded whatever its size. */
  readonly mustConvert: boolean
}

const ALIASES: Readonly<Record<string, AttachmentMime>> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'audio/mp3': 'audio/mpeg',
  'audio/x-mpeg': 'audio/mpeg',
  'audio/x-wav': 'audio/wav',
  'audio/wave': 'audio/wav',
  'audio/vnd.wave': 'audio/wav',
  'audio/x-m4a': 'audio/mp4',
  'audio/m4a': 'audio/mp4',
  'audio/x-aac': 'audio/aac',
  'text/directory': 'text/vcard',
}

const BY_EXTENSION: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  jfif: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
  avif: 'image/avif',
  mp4: 'video/mp4',
  '3gp': 'video/3gpp',
  '3g2': 'video/3gpp2',
  webm: 'video/webm',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  amr: 'audio/amr',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  wav: 'audio/wav',
  vcf: 'text/vcard',
  pdf: 'application/pdf',
}

const SCALABLE: ReadonlySet<string> = new Set([
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
])
/** Pictures Chromium decodes that MMS does not carry: sent as a JPEG made from them. */
const CONVERTIBLE: ReadonlySet<string> = new Set(['image/bmp', 'image/avif'])
const ALLOWED: ReadonlySet<string> = new Set(ATTACHMENT_MIME_TYPES)

function typeOf(file: { readonly name: string; readonly type: string }): string {
  const type = file.type.toLowerCase().split(';')[0]?.trim() ?? ''
  if (type !== '' && type !== 'application/octet-stream') return ALIASES[type] ?? type
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? ''
  return BY_EXTENSION[ext] ?? type
}

/** How a file goes in a message, or null when it cannot. */
export function attachableOf(file: {
  readonly name: string
  readonly type: string
}): Attachable | null {
  const type = typeOf(file)
  if (CONVERTIBLE.has(type)) {
    return { mime: 'image/jpeg', picture: true, scalable: true, mustConvert: true }
  }
  if (!ALLOWED.has(type)) return null
  const mime = type as AttachmentMime
  const scalable = SCALABLE.has(mime)
  return { mime, picture: scalable, scalable, mustConvert: false }
}

/** The file picker's filter: the types, and the extensions for systems that type by name. */
export const ACCEPT = [
  ...ATTACHMENT_MIME_TYPES,
  ...CONVERTIBLE,
  ...Object.keys(BY_EXTENSION).map((ext) => `.${ext}`),
].join(',')

/** The name a picture re-encoded as JPEG is staged under. */
export function jpegName(name: string): string {
  const stem = name.replace(/\.[a-z0-9]{1,5}$/i, '')
  return `${stem.length > 0 ? stem : 'picture'}.jpg`
}

/** A name the core accepts: no control characters, at most 255 characters, never empty. */
export function stageName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = name.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim()
  if (cleaned.length === 0) return 'attachment'
  // The end is kept, where the extension is, without half of a surrogate pair.
  return cleaned.length <= 255 ? cleaned : cleaned.slice(-255).replace(/^[\udc00-\udfff]/, '')
}
