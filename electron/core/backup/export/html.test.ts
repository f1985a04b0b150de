import { describe, expect, it } from 'vitest'
import { escapeHtml } from './html'
import { PNG, SCRIPT_BODY, exportText, hostileArchive } from './test-helpers'

describe('exporting as an HTML transcript', () => {
  it('escapes every body, so a <script> text is shown and never run', async () => {
    const archive = hostileArchive()
    const { text, cleanup } = await exportText(archive, { format: 'html' })
    cleanup()
    expect(text).not.toMatch(/<script/i)
    expect(text).not.toContain('<img src=x')
    expect(text).toContain(escapeHtml(SCRIPT_BODY))
    expect(text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    // The policy forbids scripts and every fetch; pictures come only from data: URIs.
    expect(text).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'sha256-[A-Za-z0-9+/=]+'/,
    )
    expect(text).toContain('@media print')
  })

  it('inlines a picture as a data: URI, escapes its name, and leaves SVG out', async () => {
    const archive = hostileArchive()
    const { text, cleanup } = await exportText(archive, { format: 'html' })
    cleanup()
    expect(text).toContain(`<img src="data:image/png;base64,${PNG.toString('base64')}"`)
    expect(text).toContain('alt="pic &quot;1&quot;.png"')
    expect(text).not.toContain('data:image/svg')
    expect(text).toContain('[x.svg: not included]')
  })

  it('has a section per conversation with who sent each message and when', async () => {
    const archive = hostileArchive()
    const { text, cleanup } = await exportText(archive, { format: 'html' })
    cleanup()
    expect(text.match(/<section>/g)).toHaveLength(2)
    expect(text).toContain('<span class="who">Me</span>')
    expect(text).toContain('<span class="who">07700 900456</span>')
    expect(text).toContain('<time datetime="2023-11-14T22:13:20.000Z">')
    expect(text.trimEnd().endsWith('</html>')).toBe(true)
  })

  it('titles a one-conversation transcript with the conversation', async () => {
    const archive = hostileArchive()
    const group = archive.conversations
      .list({}, null, 10)
      .items.find((c) => c.participants.length === 2)!
    const { text, result, cleanup } = await exportText(archive, {
      format: 'html',
      conversationId: group.id,
    })
    cleanup()
    expect(result).toEqual({ messages: 2, conversations: 1 })
    expect(text).toContain(`<title>${escapeHtml(group.title)}</title>`)
    expect(text.match(/<section>/g)).toHaveLength(1)
  })

  it('escapes all five characters that matter in content and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    )
  })
})
