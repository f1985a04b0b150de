import { describe, expect, it } from 'vitest'
import { isSafeWebUrl, splitLinks } from './links'

describe('splitLinks', () => {
  it('finds http(s) links and leaves the rest as text', () => {
    expect(splitLinks('see https://example.com/a?b=1 now')).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', text: 'https://example.com/a?b=1', url: 'https://example.com/a?b=1' },
      { kind: 'text', text: ' now' },
    ])
  })

  it('leaves sentence punctuation out of the link but keeps balanced parentheses', () => {
    expect(splitLinks('Go to http://x.org/page.')[1]).toMatchObject({ url: 'http://x.org/page' })
    expect(splitLinks('(https://x.org)')[1]).toMatchObject({ url: 'https://x.org' })
    expect(splitLinks('https://en.wikipedia.org/wiki/Foo_(bar)')[0]).toMatchObject({
      url: 'https://en.wikipedia.org/wiki/Foo_(bar)',
    })
  })

  it('never links javascript:, data:, file: or bare domains', () => {
    for (const text of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(document.cookie)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'example.com',
      '<a href="javascript:alert(1)">x</a>',
    ]) {
      expect(splitLinks(text).every((r) => r.kind === 'text')).toBe(true)
    }
  })

  it('ends a link at a bidi override or other invisible format character', () => {
    const runs = splitLinks('https://good.example\u202Emoc.live')
    expect(runs[0]).toMatchObject({ kind: 'link', url: 'https://good.example' })
    expect(runs[1]).toEqual({ kind: 'text', text: '\u202Emoc.live' })
  })
})

describe('isSafeWebUrl', () => {
  it('accepts only http and https with a host', () => {
    expect(isSafeWebUrl('https://example.com')).toBe(true)
    expect(isSafeWebUrl('http://127.0.0.1:8080/x')).toBe(true)
    expect(isSafeWebUrl('javascript:alert(1)')).toBe(false)
    expect(isSafeWebUrl('ftp://example.com')).toBe(false)
    expect(isSafeWebUrl('https://')).toBe(false)
  })
})
