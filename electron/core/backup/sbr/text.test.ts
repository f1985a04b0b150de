import { describe, expect, it } from 'vitest'
import { decodeReferences, escapeAttribute } from './text'
import { firstBadByte } from './utf8'
import { LineIndex } from './lines'

describe('decodeReferences', () => {
  it.each([
    ['joins two surrogate references into one character', 'Hi &#55357;&#56832;!', 'Hi 😀!'],
    ['replaces a lone high surrogate with U+FFFD', 'a&#55357;b', 'a\uFFFDb'],
    ['replaces surrogates in the wrong order', '&#56832;&#55357;', '\uFFFD\uFFFD'],
    ['replaces a high surrogate at the end', 'end &#55357;', 'end \uFFFD'],
    ['decodes hexadecimal references', '&#xE9;&#x1F600;&#Xe9;', 'é😀é'],
    ['decodes the five XML entities', '&amp;&lt;&gt;&quot;&apos;', '&<>"\''],
    [
      'leaves other names and broken references',
      '&nbsp; & &#; &#x; &amp &copy;',
      '&nbsp; & &#; &#x; &amp &copy;',
    ],
    ['decodes only once', '&amp;lt;', '&lt;'],
    ['refuses impossible code points', '&#0;&#1114112;&#x110000;', '\uFFFD\uFFFD\uFFFD'],
  ])('%s', (_what, raw, text) => {
    expect(decodeReferences(raw)).toBe(text)
  })
})

describe('escapeAttribute', () => {
  it('writes each UTF-16 unit outside printable ASCII as a decimal reference', () => {
    expect(escapeAttribute('Hi 😀 café\n')).toBe('Hi &#55357;&#56832; caf&#233;&#10;')
  })

  it('writes the five XML characters as named entities', () => {
    expect(escapeAttribute(`<a href="x">Tom & Jerry's</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;',
    )
  })

  it('is undone by decodeReferences, lone surrogates aside', () => {
    const text = 'mixed ✓ 日本 🎉 &amp; "q" \t\r\n end'
    expect(decodeReferences(escapeAttribute(text))).toBe(text)
  })
})

describe('firstBadByte', () => {
  const at = (bytes: number[], final = true): number => firstBadByte(Uint8Array.from(bytes), final)

  it('accepts valid sequences of every length', () => {
    expect(at([...Buffer.from('aé€😀')])).toBe(-1)
  })

  it('finds stray continuation bytes, overlong forms, surrogates and NUL', () => {
    expect(at([0x61, 0x80])).toBe(1)
    expect(at([0xc0, 0xaf])).toBe(0)
    expect(at([0xe0, 0x80, 0xaf])).toBe(1)
    expect(at([0xed, 0xa0, 0x80])).toBe(1)
    expect(at([0x61, 0x00])).toBe(1)
    expect(at([0xe2, 0x82, 0x41])).toBe(2)
  })

  it('treats a sequence cut by the end as bad only at the end of the stream', () => {
    expect(at([0x61, 0xe2, 0x82], false)).toBe(-1)
    expect(at([0x61, 0xe2, 0x82], true)).toBe(1)
  })
})

describe('LineIndex', () => {
  it('locates offsets after forgetting older lines', () => {
    const lines = new LineIndex()
    lines.feed('ab\ncd')
    lines.feed('e\n\nfg')
    expect(lines.locate(0)).toEqual({ line: 1, column: 1 })
    expect(lines.locate(4)).toEqual({ line: 2, column: 2 })
    lines.forget(7)
    expect(lines.locate(9)).toEqual({ line: 4, column: 2 })
    expect(lines.size).toBe(10)
  })
})
