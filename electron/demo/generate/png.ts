// Tiny, valid PNG pictures for MMS parts: palette gradients, rings and stripes, 24–64 px.
// The zlib stream uses stored (uncompressed) deflate blocks written here rather than
// zlib.deflateSync: Node's bundled zlib picks different matches depending on CPU features, and
// the generator promises byte-identical output on every machine. At these sizes compression
// would save a couple of kilobytes at most.
import type { Rng } from './random'

const CRC_TABLE = (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
})()

export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let c = 0xffffffff
  for (let i = start; i < end; i++) c = (CRC_TABLE[(c ^ (bytes[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function adler32(bytes: Uint8Array): number {
  let a = 1
  let b = 0
  for (const byte of bytes) {
    a = (a + byte) % 65521
    b = (b + a) % 65521
  }
  return ((b << 16) | a) >>> 0
}

/** A zlib stream (RFC 1950) of stored deflate blocks (RFC 1951 §3.2.4). */
export function zlibStored(data: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(data.length / 65535))
  const out = new Uint8Array(2 + blocks * 5 + data.length + 4)
  const view = new DataView(out.buffer)
  out[0] = 0x78 // deflate, 32 KiB window
  out[1] = 0x01 // fastest-compression hint; 0x7801 is a multiple of 31 as the header requires
  let o = 2
  for (let i = 0; i < blocks; i++) {
    const chunk = data.subarray(i * 65535, Math.min(data.length, (i + 1) * 65535))
    out[o] = i === blocks - 1 ? 1 : 0
    view.setUint16(o + 1, chunk.length, true)
    view.setUint16(o + 3, ~chunk.length & 0xffff, true)
    out.set(chunk, o + 5)
    o += 5 + chunk.length
  }
  view.setUint32(o, adler32(data))
  return out
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, data.length)
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i)
  out.set(data, 8)
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length))
  return out
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/** An 8-bit palette PNG. `pixels` holds one palette index per pixel, row by row. */
export function encodePng(
  width: number,
  height: number,
  palette: readonly number[],
  pixels: Uint8Array,
): Uint8Array {
  const ihdr = new Uint8Array(13)
  const v = new DataView(ihdr.buffer)
  v.setUint32(0, width)
  v.setUint32(4, height)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 3 // colour type: palette
  const raw = new Uint8Array(height * (width + 1))
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0 // filter: none
    raw.set(pixels.subarray(y * width, (y + 1) * width), y * (width + 1) + 1)
  }
  const parts = [
    Uint8Array.from(SIGNATURE),
    chunk('IHDR', ihdr),
    chunk('PLTE', Uint8Array.from(palette)),
    chunk('IDAT', zlibStored(raw)),
    chunk('IEND', new Uint8Array(0)),
  ]
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let o = 0
  for (const p of parts) {
    out.set(p, o)
    o += p.length
  }
  return out
}

const SHADES = 32

/** A small picture: a two-colour gradient, sometimes with a ring or stripes over it. */
export function makePicture(rng: Rng): Uint8Array {
  const width = rng.between(24, 64)
  const height = rng.between(24, 64)
  const from = [rng.int(256), rng.int(256), rng.int(256)]
  const to = [rng.int(256), rng.int(256), rng.int(256)]
  const palette: number[] = []
  for (let i = 0; i < SHADES; i++) {
    for (let c = 0; c < 3; c++) {
      const a = from[c] ?? 0
      palette.push(Math.floor(a + (((to[c] ?? 0) - a) * i) / (SHADES - 1)))
    }
  }
  palette.push(255, 255, 255) // index SHADES: the overlay colour
  const pattern = rng.int(4)
  const cx = width / 2
  const cy = height / 2
  const radius = Math.min(width, height) / 3
  const pixels = new Uint8Array(width * height)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let shade = Math.floor(((x + y) * (SHADES - 1)) / (width + height - 2))
      if (pattern === 1) {
        // Radial gradient; sqrt is correctly rounded, so this stays bit-identical everywhere.
        const d = Math.sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy))
        shade = Math.min(SHADES - 1, Math.floor((d * (SHADES - 1)) / Math.sqrt(cx * cx + cy * cy)))
      }
      let index = shade
      if (pattern === 2) {
        const d = Math.sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy))
        if (d > radius - 2 && d < radius + 2) index = SHADES
      } else if (pattern === 3 && Math.floor((x + 2 * y) / 6) % 3 === 0) {
        index = SHADES
      }
      pixels[y * width + x] = index
    }
  }
  return encodePng(width, height, palette, pixels)
}

const PORTRAIT = 48

/**
 * A contact photo stand-in: a head and shoulders over a soft background, 48 px square (the
 * size of a phone's contact thumbnail). Squared distances only, so it is bit-identical everywhere.
 */
export function makePortrait(rng: Rng): Uint8Array {
  const background = [rng.between(60, 200), rng.between(60, 200), rng.between(60, 200)]
  const figure = background.map((c) => Math.min(255, c + 70))
  const palette: number[] = []
  for (let i = 0; i < SHADES; i++) {
    for (const c of background) palette.push(Math.max(0, c - Math.floor((i * 60) / SHADES)))
  }
  palette.push(...figure) // index SHADES: the figure
  const headX = rng.between(21, 27)
  const headY = rng.between(16, 20)
  const headR2 = rng.between(8, 10) ** 2
  const pixels = new Uint8Array(PORTRAIT * PORTRAIT)
  for (let y = 0; y < PORTRAIT; y++) {
    for (let x = 0; x < PORTRAIT; x++) {
      const head = (x - headX) ** 2 + (y - headY) ** 2 <= headR2
      // Shoulders: an ellipse centred below the bottom edge, radii about 24 and 20 px.
      const shoulders = 196 * (x - headX) ** 2 + 289 * (y - PORTRAIT - 4) ** 2 <= 289 * 196 * 2
      pixels[y * PORTRAIT + x] = head || shoulders ? SHADES : Math.floor((y * SHADES) / PORTRAIT)
    }
  }
  return encodePng(PORTRAIT, PORTRAIT, palette, pixels)
}
