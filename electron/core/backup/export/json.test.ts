import { describe, expect, it } from 'vitest'
import { MESSY_BODY, SCRIPT_BODY, exportText, hostileArchive } from './test-helpers'

interface Doc {
  format: string
  exportedAt: string
  conversations: {
    id: number
    title: string
    participants: { address: string; key: string }[]
    messages: { id: number; body: string; date: string; type: string; attachments: unknown[] }[]
  }[]
  counts: { messages: number; conversations: number }
}

describe('exporting as JSON', () => {
  it('is one document that parses, with every message under its conversation', async () => {
    const archive = hostileArchive()
    const { text, result, cleanup } = await exportText(
      archive,
      { format: 'json' },
      { clock: () => 0 },
    )
    cleanup()
    const doc = JSON.parse(text) as Doc
    expect(doc.format).toBe('textbridge-export')
    expect(doc.exportedAt).toBe('1970-01-01T00:00:00.000Z')
    expect(doc.counts).toEqual(result)
    expect(doc.conversations).toHaveLength(2)
    const messages = doc.conversations.flatMap((c) => c.messages)
    expect(messages.map((m) => m.id).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(messages.map((m) => m.body)).toEqual(expect.arrayContaining([SCRIPT_BODY, MESSY_BODY]))
    const group = doc.conversations.find((c) => c.participants.length === 2)!
    expect(group.participants.map((p) => p.key)).toEqual(['+447700900123', '+447700900456'])
    expect(group.messages[0]!.attachments).toEqual([
      { name: 'pic "1".png', mime: 'image/png', size: 70 },
      { name: 'x.svg', mime: 'image/svg+xml', size: 5 },
    ])
  })

  it('is still a document when nothing is in the range', async () => {
    const archive = hostileArchive()
    const { text, result, cleanup } = await exportText(archive, { format: 'json', until: 1 })
    cleanup()
    expect(result).toEqual({ messages: 0, conversations: 0 })
    expect((JSON.parse(text) as Doc).conversations).toEqual([])
  })
})
