import { describe, expect, it } from 'vitest'
import { ACCEPT, attachableOf, jpegName, stageName } from './attachable'

const f = (name: string, type = '') => ({ name, type })

describe('attachableOf', () => {
  it('takes the pictures MMS carries as scalable pictures', () => {
    for (const type of ['image/jpeg', 'image/png', 'image/gif', 'image/webp']) {
      expect(attachableOf(f('a', type))).toEqual({
        mime: type,
        picture: true,
        scalable: true,
        mustConvert: false,
      })
    }
  })

  it('converts pictures MMS does not carry to JPEG', () => {
    expect(attachableOf(f('scan.bmp', 'image/bmp'))).toMatchObject({
      mime: 'image/jpeg',
      mustConvert: true,
    })
  })

  it('takes video, audio, contact cards and PDFs as files', () => {
    expect(attachableOf(f('clip.mp4', 'video/mp4'))).toMatchObject({
      picture: false,
      scalable: false,
    })
    expect(attachableOf(f('memo.m4a', 'audio/x-m4a'))?.mime).toBe('audio/mp4')
    expect(attachableOf(f('doc.pdf', 'application/pdf'))?.mime).toBe('application/pdf')
  })

  it('reads the name when the system gives no type', () => {
    expect(attachableOf(f('Ada.vcf'))?.mime).toBe('text/vcard')
    expect(attachableOf(f('IMG_1.JPG', 'application/octet-stream'))?.mime).toBe('image/jpeg')
  })

  it('knows the common misspellings of types', () => {
    expect(attachableOf(f('a', 'image/jpg'))?.mime).toBe('image/jpeg')
    expect(attachableOf(f('a', 'audio/x-wav'))?.mime).toBe('audio/wav')
  })

  it('refuses what MMS cannot carry or the window must not draw', () => {
    for (const file of [
      f('a.svg', 'image/svg+xml'),
      f('a.zip', 'application/zip'),
      f('a.html', 'text/html'),
      f('noext'),
    ]) {
      expect(attachableOf(file)).toBeNull()
    }
  })

  it('offers every type and extension in the file picker', () => {
    expect(ACCEPT.split(',')).toEqual(expect.arrayContaining(['image/jpeg', '.vcf', 'image/bmp']))
  })
})

describe('names', () => {
  it('renames a converted picture .jpg', () => {
    expect(jpegName('IMG_0042.PNG')).toBe('IMG_0042.jpg')
    expect(jpegName('.png')).toBe('picture.jpg')
  })

  it('drops control characters and keeps names the core accepts', () => {
    expect(stageName('a\u0007b.jpg')).toBe('ab.jpg')
    expect(stageName('   ')).toBe('attachment')
    expect(stageName(`${'x'.repeat(300)}.jpg`)).toHaveLength(255)
  })
})
