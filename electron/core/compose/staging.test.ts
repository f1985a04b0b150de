// Staging a draft's files: the window's arguments checked at the boundary, chunks only in order
// and within the size announced, pictures that are what they say, and bounded memory.
import { describe, expect, it } from 'vitest'
import { parseArgs } from '../../../shared/api/contract'
import { STAGE_CHUNK_BYTES } from '../../../shared/api/compose'
import { ComposeStaging, MAX_STAGED_FILES, STAGE_IDLE_MS } from './staging'

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const png = (size: number) => {
  const bytes = new Uint8Array(size).fill(1)
  bytes.set(PNG)
  return bytes
}

describe('compose staging', () => {
  it('checks every argument before the core sees it', () => {
    const stage = { name: 'IMG_1.png', mime: 'image/png', size: 10 }
    expect(parseArgs('compose.stage', stage)).toEqual(stage)
    expect(parseArgs('compose.stage', { ...stage, mime: 'image/svg+xml' })).toBeNull()
    expect(parseArgs('compose.stage', { ...stage, mime: 'text/html' })).toBeNull()
    expect(parseArgs('compose.stage', { ...stage, size: 5 * 1024 * 1024 + 1 })).toBeNull()
    expect(parseArgs('compose.stage', { ...stage, name: 'a\u0000b' })).toBeNull()
    expect(parseArgs('compose.stage', { ...stage, path: '/etc/passwd' })).toBeNull()
    const chunk = { stageId: 'a'.repeat(32), offset: 0, data: 'AAAA' }
    expect(parseArgs('compose.stageChunk', chunk)).toEqual(chunk)
    expect(parseArgs('compose.stageChunk', { ...chunk, data: 'not base64!' })).toBeNull()
    const big = Buffer.alloc(STAGE_CHUNK_BYTES + 3).toString('base64')
    expect(parseArgs('compose.stageChunk', { ...chunk, data: big })).toBeNull()
    expect(parseArgs('compose.stageChunk', { ...chunk, stageId: '../x' })).toBeNull()
  })

  it('lets a send have no words only when something is attached, each file once', () => {
    const to = { conversationId: 1 }
    const id = 'b'.repeat(32)
    expect(parseArgs('messages.send', { to, body: '  ', subId: null })).toBeNull()
    expect(parseArgs('messages.send', { to, body: ' ', subId: null, attachments: [id] })).toEqual({
      to,
      body: '',
      subId: null,
      attachments: [id],
    })
    expect(
      parseArgs('messages.send', { to, body: 'x', subId: null, attachments: [id, id] }),
    ).toBeNull()
    const eleven = Array.from({ length: 11 }, (_, i) => i.toString(16).padStart(32, '0'))
    expect(
      parseArgs('messages.send', { to, body: 'x', subId: null, attachments: eleven }),
    ).toBeNull()
    const group = { deviceId: 'c'.repeat(32), addresses: Array.from({ length: 21 }, () => '1') }
    expect(parseArgs('messages.send', { to: group, body: 'x', subId: null })).toBeNull()
  })

  it('takes chunks in order, never past the end, and hands over complete files', () => {
    const staging = new ComposeStaging(() => 0)
    const bytes = png(300)
    const id = staging.stage('a.png', 'image/png', 300)
    expect(() => staging.take([id])).toThrow(/not all arrived/)
    expect(() => staging.chunk(id, 100, bytes.subarray(0, 100))).toThrow(/expected the chunk at 0/)
    expect(staging.chunk(id, 0, bytes.subarray(0, 200))).toBe(200)
    expect(() => staging.chunk(id, 200, new Uint8Array(101))).toThrow(/past the end/)
    expect(staging.chunk(id, 200, bytes.subarray(200))).toBe(300)
    const [file] = staging.take([id])
    expect(file).toMatchObject({ stageId: id, name: 'a.png', mime: 'image/png' })
    expect(new Uint8Array(file!.bytes)).toEqual(bytes)
    staging.release([id])
    expect(() => staging.take([id])).toThrow(expect.objectContaining({ code: 'not_found' }))
  })

  it('refuses a picture whose bytes are not the format its type names', () => {
    const staging = new ComposeStaging(() => 0)
    const id = staging.stage('evil.jpg', 'image/jpeg', 8)
    expect(() => staging.chunk(id, 0, png(8))).toThrow(/not the image\/jpeg picture/)
    expect(staging.size.files).toBe(0)
    const pdf = staging.stage('doc.pdf', 'application/pdf', 4)
    expect(staging.chunk(pdf, 0, new Uint8Array([1, 2, 3, 4]))).toBe(4)
  })

  it('bounds what is held: files at once, and drafts abandoned for an hour', () => {
    let now = 0
    const staging = new ComposeStaging(() => now)
    for (let i = 0; i < MAX_STAGED_FILES; i++) staging.stage(`${i}.png`, 'image/png', 10)
    expect(() => staging.stage('one.png', 'image/png', 10)).toThrow(
      expect.objectContaining({ code: 'not_available' }),
    )
    now = STAGE_IDLE_MS + 1
    expect(staging.stage('fresh.png', 'image/png', 10)).toMatch(/^[0-9a-f]{32}$/)
    expect(staging.size.files).toBe(1)
  })
})
