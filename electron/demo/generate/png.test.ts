import { inflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { crc32, makePicture, makePortrait, zlibStored } from './png'
import { Rng } from './random'

/** Walks the chunks of a PNG, checking each CRC, and returns them by type. */
function chunks(png: Uint8Array): Map<string, Buffer[]> {
  const buf = Buffer.from(png)
  expect([...buf.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  const out = new Map<string, Buffer[]>()
  let o = 8
  while (o < buf.length) {
    const length = buf.readUInt32BE(o)
    const type = buf.toString('latin1', o + 4, o + 8)
    expect(buf.readUInt32BE(o + 8 + length)).toBe(crc32(png, o + 4, o + 8 + length))
    out.set(type, [...(out.get(type) ?? []), buf.subarray(o + 8, o + 8 + length)])
    o += 12 + length
  }
  expect(o).toBe(buf.length)
  return out
}

describe('png', () => {
  it('crc32 matches the PNG reference value', () => {
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082)
  })

  it('zlibStored round-trips through zlib, across the 64 KiB block boundary', () => {
    for (const n of [0, 1, 65535, 65536, 200_000]) {
      const data = Uint8Array.from({ length: n }, (_, i) => (i * 31) & 255)
      expect(inflateSync(zlibStored(data)).equals(Buffer.from(data))).toBe(true)
    }
  })

  it.each([
    ['pictures', makePicture],
    ['contact photos', makePortrait],
  ])('makes small, valid palette PNGs (%s) whose pixels decode to the declared size', (_, make) => {
    const rng = Rng.stream(3, 'png')
    for (let i = 0; i < 40; i++) {
      const png = make(rng)
      expect(png.length).toBeLessThan(6000)
      const parts = chunks(png)
      const ihdr = parts.get('IHDR')![0]!
      const width = ihdr.readUInt32BE(0)
      const height = ihdr.readUInt32BE(4)
      expect([ihdr[8], ihdr[9]]).toEqual([8, 3])
      const palette = parts.get('PLTE')![0]!
      const pixels = inflateSync(Buffer.concat(parts.get('IDAT')!))
      expect(pixels.length).toBe(height * (width + 1))
      let bad = 0
      for (let y = 0; y < height; y++) {
        if (pixels[y * (width + 1)] !== 0) bad++ // filter type
        for (let x = 1; x <= width; x++)
          if (pixels[y * (width + 1) + x]! * 3 >= palette.length) bad++
      }
      expect(bad).toBe(0)
      expect(parts.has('IEND')).toBe(true)
    }
  })

  it('is deterministic', () => {
    expect(makePicture(Rng.stream(9, 'p'))).toEqual(makePicture(Rng.stream(9, 'p')))
    expect(makePortrait(Rng.stream(9, 'p'))).toEqual(makePortrait(Rng.stream(9, 'p')))
  })
})
