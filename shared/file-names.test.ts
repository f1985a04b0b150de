import { describe, expect, it } from 'vitest'
import { extensionOf, savedFileName } from './file-names'

describe('savedFileName', () => {
  it('keeps a plain name', () => {
    expect(savedFileName({ name: 'IMG_0042.jpg', mime: 'image/jpeg' }, 7)).toBe('IMG_0042.jpg')
  })

  it('drops folders, reserved and control characters, and leading dots', () => {
    expect(savedFileName({ name: '../../etc/passwd', mime: 'text/plain' }, 7)).toBe('passwd')
    expect(savedFileName({ name: 'C:\\Users\\x\\a<b>.png', mime: 'image/png' }, 7)).toBe('ab.png')
    expect(savedFileName({ name: '.bashrc', mime: 'text/plain' }, 7)).toBe('bashrc')
    expect(savedFileName({ name: 'a\u0000b\u001f.gif', mime: 'image/gif' }, 7)).toBe('ab.gif')
  })

  it('names a part without a usable name after its message and type', () => {
    expect(savedFileName({ name: null, mime: 'image/png' }, 12)).toBe('picture-12.png')
    expect(savedFileName({ name: '...', mime: 'video/mp4' }, 12)).toBe('attachment-12.mp4')
    expect(savedFileName({ name: '', mime: 'application/x-unknown' }, 3)).toBe('attachment-3.bin')
  })

  it('keeps the end of a very long name, where its extension is', () => {
    const name = `${'x'.repeat(300)}.jpg`
    const saved = savedFileName({ name, mime: 'image/jpeg' }, 1)
    expect(saved.length).toBe(120)
    expect(saved.endsWith('.jpg')).toBe(true)
  })

  it('knows the usual extensions', () => {
    expect(extensionOf('TEXT/VCARD')).toBe('vcf')
    expect(extensionOf('audio/mp4')).toBe('m4a')
  })
})
