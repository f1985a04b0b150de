// MMS parts arrive as base64 (contract Attachment); the window shows them through a blob: URL
// (allowed by the CSP's img-src) that its owner revokes when it is no longer shown.
export function base64ToBlob(data: string, mime: string): Blob {
  const binary = atob(data)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return new Blob([bytes], { type: mime })
}

/** Standard base64 of a blob's bytes, by the browser's own encoder (fast for big files). */
export function base64OfBlob(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : ''
      resolve(url.slice(url.indexOf(',') + 1))
    }
    reader.onerror = () => {
      reject(reader.error ?? new Error('the file could not be read'))
    }
    reader.readAsDataURL(blob)
  })
}

/** Pictures the window will draw; anything else (vCards, audio, SVG with scripts) is listed. */
const SHOWN = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/bmp'])

export function isShownImage(mime: string): boolean {
  return SHOWN.has(mime.toLowerCase())
}

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`
  if (size < 1024 * 1024) return `${Math.round(size / 1024)} KB`
  if (size < 1024 ** 3) return `${(size / 1024 / 1024).toFixed(1)} MB`
  return `${(size / 1024 ** 3).toFixed(2)} GB`
}

/**
 * Offers a blob as a download under `name` (web mode's "save"). The URL outlives the click by a
 * minute: the browser reads it after the click returns, and revoking it at once can cancel that.
 */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.rel = 'noopener'
  link.click()
  setTimeout(() => {
    URL.revokeObjectURL(url)
  }, 60_000)
}
