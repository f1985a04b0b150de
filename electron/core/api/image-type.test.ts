import { describe, expect, it } from 'vitest'
import { imageMimeOf } from './image-type'

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p)] : p)))

describe('imageMimeOf', () => {
  it('recognises the formats a phone stores contact photos in', () => {
    expect(imageMimeOf(bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'))).toBe('image/jpeg')
    expect(imageMimeOf(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe('image/png')
    expect(imageMimeOf(bytes('GIF89a'))).toBe('image/gif')
    expect(imageMimeOf(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toBe('image/webp')
  })

  it('refuses anything else, however it is labelled', () => {
    expect(imageMimeOf(bytes('<svg onload="alert(1)"/>'))).toBeNull()
    expect(imageMimeOf(bytes('RIFF', [1, 2, 3, 4], 'WAVE'))).toBeNull()
    expect(imageMimeOf(bytes([0x89], 'PN'))).toBeNull()
    expect(imageMimeOf(new Uint8Array(0))).toBeNull()
  })
})
