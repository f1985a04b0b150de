// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { installImageMocks, pictureFile, type Encoding } from '../testing/image-mocks'
import { scaleToFit } from './scale-image'

let encoded: Encoding[]
let fills: string[]
beforeEach(() => {
  ;({ encoded, fills } = installImageMocks())
})
afterEach(() => {
  vi.unstubAllGlobals()
})

const KB = 1024

describe('scaleToFit', () => {
  it('makes a large photo a JPEG under the budget, at most 2048 pixels across', async () => {
    const photo = pictureFile('big.jpg', 4 * 1024 * KB, { width: 4000, height: 3000 })
    const out = await scaleToFit(photo, 280 * KB)
    expect(out).not.toBeNull()
    expect(out!.type).toBe('image/jpeg')
    expect(out!.size).toBeLessThanOrEqual(280 * KB)
    for (const e of encoded) expect(Math.max(e.width, e.height)).toBeLessThanOrEqual(2048)
    // The aspect ratio is kept.
    const last = encoded.at(-1)!
    expect(last.width / last.height).toBeCloseTo(4 / 3, 1)
  })

  it('tries lower quality, then fewer pixels, until it fits', async () => {
    const photo = pictureFile('p.png', 900 * KB, { width: 1000, height: 1000 }, 'image/png')
    // At 1000×1000 the fake encoder writes 0.5 bytes per pixel per unit of quality.
    const out = await scaleToFit(photo, 360 * KB)
    expect(out).not.toBeNull()
    const qualities = encoded.map((e) => e.quality)
    const areas = encoded.map((e) => e.width * e.height)
    for (let i = 1; i < encoded.length; i++) {
      const smaller = qualities[i]! < qualities[i - 1]! || areas[i]! < areas[i - 1]!
      expect(smaller).toBe(true)
    }
    expect(encoded.at(-1)!.bytes).toBeLessThanOrEqual(360 * KB)
    expect(encoded.length).toBeGreaterThan(1)
  })

  it('paints transparency white, as JPEG has none', async () => {
    await scaleToFit(
      pictureFile('t.png', 10 * KB, { width: 100, height: 100 }, 'image/png'),
      20 * KB,
    )
    expect(fills).toContain('#fff')
  })

  it('gives up rather than send a thumbnail-sized smudge', async () => {
    const photo = pictureFile('huge.jpg', 8 * 1024 * KB, { width: 6000, height: 4000 })
    expect(await scaleToFit(photo, 2 * KB)).toBeNull()
  })

  it('fails on a file that is not a picture it can decode', async () => {
    const fake = new File(['not a picture'], 'x.jpg', { type: 'image/jpeg' })
    await expect(scaleToFit(fake, 100 * KB)).rejects.toThrow()
  })

  it('refuses a browser that answers PNG when asked for JPEG', async () => {
    class PngOnly {
      constructor(
        readonly width: number,
        readonly height: number,
      ) {}
      getContext() {
        return { fillRect() {}, drawImage() {} }
      }
      convertToBlob() {
        return Promise.resolve(new Blob([new Uint8Array(10)], { type: 'image/png' }))
      }
    }
    vi.stubGlobal('OffscreenCanvas', PngOnly)
    const photo = pictureFile('a.jpg', 500 * KB, { width: 800, height: 600 })
    await expect(scaleToFit(photo, 100 * KB)).rejects.toThrow(/JPEG/)
  })
})
