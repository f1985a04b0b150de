// jsdom lays nothing out, so the promise that a hit row is drawn at the height the list places it
// at is checked where it is made: the stylesheet sizes hit rows only with the properties
// hitRowStyle() sets, and those add up to the row height with room for whole snippet lines.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { HIT_ROW, hitRowHeight, hitRowStyle } from './hit-row'

const css = readFileSync(new URL('../../styles/search.css', import.meta.url), 'utf8')

/** Each rule's declarations by selector (comments dropped; search.css has no nesting). */
function rules(text: string): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>()
  const bare = text.replace(/\/\*[\s\S]*?\*\//g, '')
  for (const m of bare.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
    const declarations = new Map<string, string>()
    for (const d of (m[2] ?? '').split(';')) {
      const at = d.indexOf(':')
      if (at > 0) declarations.set(d.slice(0, at).trim(), d.slice(at + 1).trim())
    }
    for (const selector of (m[1] ?? '').split(',')) {
      const key = selector.trim().replace(/\s+/g, ' ')
      out.set(key, new Map([...(out.get(key) ?? []), ...declarations]))
    }
  }
  return out
}

describe('message hit rows', () => {
  const sheet = rules(css)
  const rule = (selector: string) => Object.fromEntries(sheet.get(selector) ?? [])

  it('are sized in the stylesheet by the list’s own numbers only', () => {
    expect(rule('.search-hit')).toMatchObject({
      height: 'var(--hit-row-height)',
      'padding-block': 'var(--hit-padding)',
      gap: 'var(--hit-gap)',
      overflow: 'hidden',
    })
    // Neither part of a row may shrink to fit: a squeezed snippet is what cut its lines.
    expect(rule('.search-hit > *')).toMatchObject({ flex: 'none' })
    expect(rule('.search-hit .conversation-line')).toMatchObject({
      height: 'var(--hit-title-line)',
      'line-height': 'var(--hit-title-line)',
    })
    expect(rule('.hit-body')).toMatchObject({
      'line-height': 'var(--hit-body-line)',
      '-webkit-line-clamp': 'var(--hit-body-lines)',
      overflow: 'hidden',
    })
    const defined = Object.keys(hitRowStyle())
    const used = [...css.matchAll(/var\((--hit-[a-z-]+)\)/g)].map((m) => m[1])
    for (const name of used) expect(defined).toContain(name)
  })

  it('hold the title line and every snippet line whole', () => {
    const m = HIT_ROW
    const content = 2 * m.padding + m.titleLine + m.gap + m.bodyLines * m.bodyLine
    expect(hitRowHeight()).toBeGreaterThanOrEqual(content)
    expect(hitRowStyle()).toMatchObject({
      '--hit-row-height': `${hitRowHeight()}px`,
      '--hit-body-lines': String(m.bodyLines),
    })
    // 14 px body text at the app's line height of 1.4 fits its line.
    expect(m.bodyLine).toBeGreaterThanOrEqual(14 * 1.4)
    expect(m.titleLine).toBeGreaterThanOrEqual(14 * 1.4)
    expect(m.bodyLines).toBeGreaterThanOrEqual(2)
    expect(hitRowHeight({ ...m, bodyLines: 3 })).toBe(hitRowHeight() + m.bodyLine)
  })
})
