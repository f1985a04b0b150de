// The file name a saved picture or file is offered under, the same in the web download and in
// Electron's Save as…. A part's name comes from whoever sent the MMS, so it is only a suggestion:
// it loses any folder part and the characters no desktop file system takes, and a part without
// a usable name is called after its message.

const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/bmp': 'bmp',
  'video/mp4': 'mp4',
  'video/3gpp': '3gp',
  'video/3gpp2': '3g2',
  'video/webm': 'webm',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/aac': 'aac',
  'audio/amr': 'amr',
  'audio/3gpp': '3gp',
  'audio/ogg': 'ogg',
  'audio/wav': 'wav',
  'text/vcard': 'vcf',
  'text/x-vcard': 'vcf',
  'text/plain': 'txt',
  'application/pdf': 'pdf',
}

const MAX_NAME = 120

/** The usual extension of a type, or "bin" for one this app does not know. */
export function extensionOf(mime: string): string {
  return EXTENSIONS[mime.toLowerCase()] ?? 'bin'
}

export function savedFileName(
  part: { readonly name: string | null; readonly mime: string },
  messageId: number,
): string {
  const base = (part.name ?? '').split(/[/\\]/).pop() ?? ''
  // Control characters, the ones Windows reserves, and leading dots (a hidden file on Unix).
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '').replace(/^[.\s]+/, '')
  const trimmed = cleaned.trim().slice(-MAX_NAME)
  if (trimmed.length > 0) return trimmed
  const kind = part.mime.toLowerCase().startsWith('image/') ? 'picture' : 'attachment'
  return `${kind}-${messageId}.${extensionOf(part.mime)}`
}
