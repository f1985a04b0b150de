// attachments.save: the bytes of a part written where the host's Save as… chose, read from the
// archive's cache, else fetched from the phone (and then cached), and nothing asked or written
// when the bytes cannot come.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { attachmentHandlers } from '../../electron/core/api/handlers-attachments'
import type { RemoteArchive } from '../../electron/core/archive/surface'
import type { Phones } from '../../electron/core/phones/phones'
import { ApiError } from '../../shared/api/result'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function archiveWith(cached: Uint8Array | null) {
  const stored: Uint8Array[] = []
  const archive = {
    messages: {
      get: (id: number) =>
        Promise.resolve({
          id,
          deviceId: 'd1',
          attachments: [
            { partId: 'mms:4:1', mime: 'image/png', size: 3, name: '../IMG_1.png', cached: true },
          ],
        }),
    },
    attachments: {
      bytes: () => Promise.resolve(cached),
      storeBytes: (_d: string, _p: string, b: Uint8Array) => {
        stored.push(b)
        return Promise.resolve()
      },
    },
  } as unknown as RemoteArchive
  return { archive, stored }
}

const noPhone = { get: () => undefined } as unknown as Pick<Phones, 'get'>

describe('attachments.save', () => {
  it('writes the cached bytes where the user chose, suggesting a clean name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tb-save-'))
    dirs.push(dir)
    const asked: string[] = []
    const { archive } = archiveWith(new Uint8Array([1, 2, 3]))
    const handlers = attachmentHandlers(archive, noPhone, (name) => {
      asked.push(name)
      return Promise.resolve(join(dir, 'chosen.png'))
    })
    const result = await handlers['attachments.save']({ messageId: 9, partId: 'mms:4:1' })
    expect(result).toEqual({ saved: true })
    expect(asked).toEqual(['IMG_1.png'])
    expect([...readFileSync(join(dir, 'chosen.png'))]).toEqual([1, 2, 3])
  })

  it('answers saved: false when the user cancels', async () => {
    const { archive } = archiveWith(new Uint8Array([1]))
    const handlers = attachmentHandlers(archive, noPhone, () => Promise.resolve(null))
    expect(await handlers['attachments.save']({ messageId: 9, partId: 'mms:4:1' })).toEqual({
      saved: false,
    })
  })

  it('asks nothing when the bytes are not cached and the phone is away', async () => {
    const asked: string[] = []
    const { archive } = archiveWith(null)
    const handlers = attachmentHandlers(archive, noPhone, (name) => {
      asked.push(name)
      return Promise.resolve('/nowhere')
    })
    const saving = handlers['attachments.save']({ messageId: 9, partId: 'mms:4:1' })
    await expect(saving).rejects.toMatchObject({ code: 'not_connected' })
    expect(asked).toEqual([])
  })

  it('refuses an unknown part, and works only where the host has a save dialog', async () => {
    const { archive } = archiveWith(new Uint8Array([1]))
    const withDialog = attachmentHandlers(archive, noPhone, () => Promise.resolve(null))
    await expect(
      withDialog['attachments.save']({ messageId: 9, partId: 'mms:4:2' }),
    ).rejects.toMatchObject({ code: 'not_found' })
    const web = attachmentHandlers(archive, noPhone, null)
    const saving = web['attachments.save']({ messageId: 9, partId: 'mms:4:1' })
    await expect(saving).rejects.toBeInstanceOf(ApiError)
    await expect(saving).rejects.toMatchObject({ code: 'not_available' })
  })
})
