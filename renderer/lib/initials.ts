// A contact's avatar without a photo: up to two initials and a colour that stays the same for
// the same conversation. Numbers get no letters (a "#" glyph), so "+44…" never shows as "+4".
const LETTER = /\p{L}/u

export function initialsOf(title: string): string | null {
  const words = title.split(/[\s,]+/u).filter((w) => LETTER.test(w.charAt(0)))
  const letters = words
    .slice(0, 2)
    .map((w) => String.fromCodePoint(w.codePointAt(0) ?? 0).toLocaleUpperCase())
  return letters.length === 0 ? null : letters.join('')
}

/** One of the palette's avatar hues (see --avatar-0..7 in the stylesheet). */
export function avatarHue(seed: string | number): number {
  const text = String(seed)
  let hash = 0
  for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) | 0
  return Math.abs(hash) % 8
}
