import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { BackupDamaged } from './errors'
import { backup, bytes, readAll, sms } from './test-helpers'

const three = backup(sms({ body: 'one' }), sms({ body: 'two' }), sms({ body: 'three' }))

async function damage(
  content: string | Uint8Array | Readable,
  chunk?: number,
): Promise<{ error: BackupDamaged; bodies: string[] }> {
  const source = content instanceof Readable ? content : bytes(content, chunk)
  const { messages, error } = await readAll(source)
  expect(error).toBeInstanceOf(BackupDamaged)
  const damaged = error as BackupDamaged
  expect(damaged.delivered).toBe(messages.length)
  return { error: damaged, bodies: messages.map((m) => m.body) }
}

describe('a file cut off', () => {
  it('inside an element: delivers what came before, not the cut message', async () => {
    const cut = three.slice(0, three.indexOf('body="three"') + 3)
    const { error, bodies } = await damage(cut, 5)
    expect(bodies).toEqual(['one', 'two'])
    expect(error).toMatchObject({ code: 'cut_off', line: 5, byteOffset: null })
    expect(error.reason).toBe('the file ends inside <sms>')
    expect(error.column).toBe(cut.length - cut.lastIndexOf('\n'))
  })

  it('inside an MMS part list', async () => {
    const text = backup(
      sms(),
      '<mms date="1" msg_box="1" address="+1"><parts><part ct="text/plain"',
    )
    const { error, bodies } = await damage(text.slice(0, text.indexOf('</smses>')))
    expect(bodies).toEqual(['hello'])
    expect(error.code).toBe('cut_off')
  })

  it('after a complete message but before </smses>', async () => {
    const { error, bodies } = await damage(three.slice(0, three.indexOf('</smses>')))
    expect(bodies).toEqual(['one', 'two', 'three'])
    expect(error).toMatchObject({ code: 'cut_off', reason: 'the file ends before </smses>' })
  })

  it('and padded with zeros, as interrupted copies are', async () => {
    const cut = Buffer.from(three.slice(0, three.indexOf('<sms', 120)))
    const { error, bodies } = await damage(Buffer.concat([cut, Buffer.alloc(4096)]))
    expect(bodies).toEqual(['one'])
    expect(error).toMatchObject({ code: 'bad_bytes', byteOffset: cut.length })
  })
})

describe('bad bytes', () => {
  it('reports the first bad byte, in bytes and as line and column', async () => {
    const before = backup(sms({ body: 'café one' }), sms({ body: 'two' }))
    const at = before.indexOf('body="two"') + 7
    const bad = Buffer.concat([Buffer.from(before.slice(0, at)), Buffer.from([0xff])])
    const content = Buffer.concat([bad, Buffer.from(before.slice(at))])
    for (const chunk of [1, 2, 64, 1 << 16]) {
      const { error, bodies } = await damage(content, chunk)
      expect(bodies).toEqual(['café one'])
      expect(error.code).toBe('bad_bytes')
      expect(error.byteOffset).toBe(Buffer.byteLength(before.slice(0, at)))
      expect({ line: error.line, column: error.column }).toEqual({
        line: 4,
        column: at - before.lastIndexOf('\n', at),
      })
      expect(error.reason).toBe('byte 0xff is not UTF-8')
    }
  })

  it('finds a sequence broken across chunks', async () => {
    const head = backup(sms()).slice(0, 70)
    const content = Buffer.concat([Buffer.from(head), Buffer.from([0xe2, 0x82, 0x41])])
    const { error } = await damage(content, 1)
    expect(error.byteOffset).toBe(head.length + 2)
  })

  it('or a file that ends inside a sequence', async () => {
    const content = Buffer.concat([Buffer.from(three.slice(0, 100)), Buffer.from([0xf0, 0x9f])])
    const { error } = await damage(content)
    expect(error).toMatchObject({ code: 'bad_bytes', byteOffset: 100 })
  })
})

describe('not a backup', () => {
  const cases: [string, string, string][] = [
    ['JSON', '{"format":"textbridge-history","messages":[]}', 'text before the root element'],
    [
      'an HTML page',
      '<!DOCTYPE html>\n<html><body>Not found</body></html>',
      'the root is <html>, not <smses>',
    ],
    [
      'a call log',
      '<?xml version=\'1.0\' ?>\n<calls count="1"><call /></calls>',
      'the root is <calls>, not <smses>',
    ],
    ['an empty file', '', 'the file is empty'],
    ['only a declaration', "<?xml version='1.0' ?>\n", 'no <smses> element'],
  ]
  it.each(cases)('refuses %s', async (_what, content, reason) => {
    const { error, bodies } = await damage(content)
    expect(bodies).toEqual([])
    expect(error).toMatchObject({ code: 'not_a_backup', reason })
  })
})

/** 2 GB of noise made on demand, counting how much the reader pulled. */
function noise(make: (n: number) => Buffer): { stream: Readable; pulled: () => number } {
  let pulled = 0
  const stream = new Readable({
    read() {
      if (pulled >= 2 ** 31) return void this.push(null)
      pulled += 1024
      this.push(make(1024))
    },
  })
  return { stream, pulled: () => pulled }
}

describe('a 2 GB file of garbage', () => {
  it('fails within the first kilobytes when the bytes are random', async () => {
    let seed = 7
    const random = (n: number): Buffer =>
      Buffer.from(
        Array.from({ length: n }, () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24),
      )
    const { stream, pulled } = noise(random)
    const { error } = await damage(stream)
    expect(error.code).toBe('not_a_backup')
    expect(pulled()).toBeLessThan(64 * 1024)
    expect(stream.destroyed).toBe(true)
  })

  it('and when it is printable, with no markup at all', async () => {
    const { stream, pulled } = noise((n) => Buffer.alloc(n, 'lorem ipsum '))
    const { error } = await damage(stream)
    expect(error).toMatchObject({ code: 'not_a_backup', line: 1, column: 1 })
    expect(pulled()).toBeLessThan(64 * 1024)
  })

  it('and when it is one endless comment', async () => {
    const { stream, pulled } = noise((n) => Buffer.alloc(n, '<!-- ab'))
    const { error } = await damage(stream)
    expect(error.reason).toMatch(/no <smses> element in the first/)
    expect(pulled()).toBeLessThan(64 * 1024)
  })
})

describe('damaged elements', () => {
  it('are not delivered, and what came before is', async () => {
    const broken: [Record<string, string>, RegExp][] = [
      [{ date: '17834e9' }, /<sms> date: "17834e9" is not an integer/],
      [{ date: '-5' }, /negative time/],
      [{ read: '2' }, /read: 2 is neither 0 nor 1/],
      [{ sub_id: '99999999999999999' }, /not an integer/],
    ]
    for (const [attrs, reason] of broken) {
      const { error, bodies } = await damage(backup(sms({ body: 'ok' }), sms(attrs)))
      expect(bodies).toEqual(['ok'])
      expect(error.code).toBe('malformed')
      expect(error.reason).toMatch(reason)
      expect(error.line).toBe(4)
    }
  })

  it('bad base64 in a picture', async () => {
    const bad =
      '<mms date="1" msg_box="1" address="+1"><parts><part ct="image/png" data="AA*B" /></parts></mms>'
    const { error, bodies } = await damage(backup(sms(), bad, sms()))
    expect(bodies).toEqual(['hello'])
    expect(error.reason).toBe('<part> data: not base64')
  })

  it.each([
    ['an unquoted value', '<sms date=1 type="1" address="+1" />', 'attribute date is not quoted'],
    ['a repeated attribute', '<sms date="1" date="2" />', 'attribute date appears twice'],
    ['a missing close tag', '<mms date="1"><parts></mms>', '</parts> is missing'],
    ['text between messages', 'stray words', 'text inside <smses>'],
    ['an unknown element', '<call number="1" />', '<call> inside <smses>'],
    ['a second root', '</smses><smses>', '<smses> after </smses>'],
  ])('%s', async (_what, element, reason) => {
    const { error, bodies } = await damage(backup(sms(), element))
    expect(bodies).toEqual(['hello'])
    expect(error).toMatchObject({ code: 'malformed', reason })
  })

  it('larger than the cap', async () => {
    const big = sms({ body: 'x'.repeat(5000) })
    const { messages, error } = await readAll(bytes(backup(sms(), big)), { maxMessageBytes: 4096 })
    expect(messages).toHaveLength(1)
    expect(error).toMatchObject({ code: 'too_large', line: 4, column: 3 })
    expect((error as BackupDamaged).reason).toBe('a message larger than 4096 bytes')
  })

  it('and markup outside messages that never ends', async () => {
    const endless = backup(sms()).replace('</smses>', `<!-- ${'x'.repeat(9000)}`)
    const { error } = await readAll(bytes(endless, 100), { maxMessageBytes: 4096 })
    expect(error).toMatchObject({ code: 'too_large', reason: 'markup larger than 4096 bytes' })
  })
})
