// jsdom decodes no pictures and has no canvas: these stand-ins let the window's real scaling code
// run in tests. A picture's dimensions are whatever the test registered for its Blob; the fake
// canvas "encodes" a JPEG whose size grows with the pixels drawn and the quality asked for, so a
// test can tell which size and quality the scaler settled on. Also blob: URLs, which jsdom
// lacks, as readable fakes.
import { vi } from 'vitest'

const dimensions = new WeakMap<Blob, { width: number; height: number }>()

/** A picture file of `bytes` bytes that "decodes" to width × height. */
export function pictureFile(
  name: string,
  bytes: number,
  size: { width: number; height: number },
  type = 'image/jpeg',
): File {
  const file = new File([new Uint8Array(bytes)], name, { type })
  dimensions.set(file, size)
  return file
}

export interface Encoding {
  readonly width: number
  readonly height: number
  readonly quality: number
  readonly bytes: number
}

/** Bytes per pixel at quality 1: the fake encoder's only parameter. */
const DENSITY = 0.5

export function installImageMocks() {
  const encoded: Encoding[] = []
  const fills: string[] = []
  class FakeBitmap {
    constructor(
      readonly width: number,
      readonly height: number,
    ) {}
    close() {}
  }
  vi.stubGlobal('createImageBitmap', (blob: Blob) => {
    const size = dimensions.get(blob)
    if (size === undefined)
      return Promise.reject(new DOMException('cannot decode', 'InvalidStateError'))
    return Promise.resolve(new FakeBitmap(size.width, size.height))
  })
  class FakeCanvas {
    constructor(
      readonly width: number,
      readonly height: number,
    ) {}
    getContext() {
      return {
        set fillStyle(v: string) {
          fills.push(v)
        },
        fillRect() {},
        imageSmoothingEnabled: false,
        imageSmoothingQuality: 'low',
        drawImage() {},
      }
    }
    convertToBlob(options: { type: string; quality: number }) {
      const bytes = Math.ceil(this.width * this.height * options.quality * DENSITY)
      encoded.push({ width: this.width, height: this.height, quality: options.quality, bytes })
      return Promise.resolve(new Blob([new Uint8Array(bytes)], { type: options.type }))
    }
  }
  vi.stubGlobal('OffscreenCanvas', FakeCanvas)
  return { encoded, fills }
}

/** blob: URLs as `blob:fake/<n>`, with the Blob behind each and which were revoked. */
export function installBlobUrls() {
  const blobs = new Map<string, Blob>()
  const revoked = new Set<string>()
  let n = 0
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:fake/${++n}`
    blobs.set(url, blob)
    return url
  }
  URL.revokeObjectURL = (url: string) => {
    revoked.add(url)
  }
  return { blobs, revoked, live: () => [...blobs.keys()].filter((u) => !revoked.has(u)) }
}
