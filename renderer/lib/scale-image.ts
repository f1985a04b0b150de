// Making a photo small enough for a picture message, in the window: decode it (the browser
// decodes off the main thread and applies the EXIF orientation), draw it smaller on a canvas and
// encode JPEG, lowering the quality a little and then the size until it fits. Re-encoding also
// leaves behind the photo's metadata, such as where it was taken.

/** Longest side of a scaled picture: more than a phone screen shows, far less than a camera. */
const MAX_SIDE = 2048
/** Smaller than this is not worth sending; such a picture is refused instead. */
const MIN_SIDE = 160
const START_QUALITY = 0.85
const MIN_QUALITY = 0.55
const MAX_ATTEMPTS = 10
/** What a photo costs as JPEG at START_QUALITY, roughly: the first guess at a size that fits. */
const BYTES_PER_PIXEL = 0.25

/** The picture as a JPEG of at most `maxBytes`, or null when no reasonable size fits. */
export async function scaleToFit(source: Blob, maxBytes: number): Promise<Blob | null> {
  const bitmap = await createImageBitmap(source, { imageOrientation: 'from-image' })
  try {
    const { width, height } = bitmap
    const longest = Math.max(width, height)
    if (longest === 0) return null
    let scale = Math.min(
      1,
      MAX_SIDE / longest,
      Math.sqrt(maxBytes / (width * height * BYTES_PER_PIXEL)),
    )
    let quality = START_QUALITY
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const w = Math.max(1, Math.round(width * scale))
      const h = Math.max(1, Math.round(height * scale))
      if (Math.max(w, h) < Math.min(MIN_SIDE, longest)) return null
      const blob = await encodeJpeg(bitmap, w, h, quality)
      if (blob.size <= maxBytes) return blob
      const ratio = maxBytes / blob.size
      // Far over: fewer pixels (bytes go roughly with the area). Just over: a little less quality,
      // which costs less sharpness than a smaller picture, down to where artefacts show.
      if (ratio < 0.7 || quality <= MIN_QUALITY) scale *= Math.sqrt(ratio) * 0.95
      else quality = Math.max(MIN_QUALITY, quality - 0.1)
    }
    return null
  } finally {
    bitmap.close()
  }
}

type Context2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D

function draw(ctx: Context2D | null, bitmap: ImageBitmap, w: number, h: number): void {
  if (ctx === null) throw new Error('no 2d canvas')
  // JPEG has no transparency: what was transparent becomes white rather than black.
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, w, h)
  ctx.imageSmoothingEnabled = true
  ctx.imageSmoothingQuality = 'high'
  ctx.drawImage(bitmap, 0, 0, w, h)
}

async function encodeJpeg(bitmap: ImageBitmap, w: number, h: number, quality: number) {
  let blob: Blob
  if (typeof OffscreenCanvas === 'function') {
    const canvas = new OffscreenCanvas(w, h)
    draw(canvas.getContext('2d'), bitmap, w, h)
    blob = await canvas.convertToBlob({ type: 'image/jpeg', quality })
  } else {
    const canvas = document.createElement('canvas')
    canvas.width = w
    canvas.height = h
    draw(canvas.getContext('2d'), bitmap, w, h)
    blob = await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob(
        (b) => {
          if (b === null) reject(new Error('the picture could not be encoded'))
          else resolve(b)
        },
        'image/jpeg',
        quality,
      )
    })
  }
  // A browser that cannot encode JPEG answers PNG, which would be sent under the wrong type.
  if (blob.type !== 'image/jpeg') throw new Error('this browser cannot encode JPEG')
  return blob
}
