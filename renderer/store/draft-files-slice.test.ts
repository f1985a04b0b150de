// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { STAGE_CHUNK_BYTES } from '../../shared/api/compose'
import { HEADROOM, TYPE_AHEAD } from '../lib/mms-budget'
import { sizeText } from '../lib/attach-words'
import { makeConversation, makeMessage } from '../testing/fixtures'
import { FakeCore, FakeError } from '../testing/fake-core'
import { installBlobUrls, installImageMocks, pictureFile } from '../testing/image-mocks'
import { setup } from '../testing/render'
import { draftKey, NEW_KEY } from './compose-slice'
import type { FitContext } from './draft-files-slice'

const KB = 1024
const LIMIT = 300 * KB
const context: FitContext = { limit: LIMIT, recipients: 1, textBytes: 0, refusal: null }

let urls: ReturnType<typeof installBlobUrls>
beforeEach(() => {
  installImageMocks()
  urls = installBlobUrls()
})
afterEach(() => {
  vi.unstubAllGlobals()
})

async function until(check: () => boolean, what = 'condition'): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (check()) return
    await new Promise((r) => setTimeout(r, 2))
  }
  throw new Error(`${what} not reached`)
}

async function drafting(core = new FakeCore()) {
  core.conversations = [makeConversation(1)]
  core.setMessages(1, [makeMessage(1, 1)])
  const { store } = setup(core)
  await store.getState().openThread(1, null)
  const key = draftKey(1)
  store.getState().setFitContext(key, context)
  const files = () => store.getState().draftFiles[key] ?? []
  const settled = () =>
    until(() => files().every((f) => f.state === 'ready' || f.state === 'refused'), 'settled')
  return { core, store, key, files, settled }
}

const stagingCalls = (core: FakeCore) =>
  core.calls
    .filter((c) => c.method.startsWith('compose.'))
    .map((c) => ({
      method: c.method,
      ...(c.method === 'compose.stageChunk' ? { offset: c.args.offset } : c.args),
    }))

describe('attaching files to a draft', () => {
  it('stages a picture that fits as it is, chunk after chunk in order', async () => {
    const { core, store, key, files, settled } = await drafting()
    const photo = pictureFile('cat.png', 200 * KB, { width: 800, height: 600 }, 'image/png')
    store.getState().attachFiles(key, [photo])
    expect(files()[0]).toMatchObject({ name: 'cat.png', state: 'preparing' })
    await settled()
    expect(files()[0]).toMatchObject({ state: 'ready', scaled: false, size: 200 * KB })
    expect(stagingCalls(core)).toEqual([
      { method: 'compose.stage', name: 'cat.png', mime: 'image/png', size: 200 * KB },
      { method: 'compose.stageChunk', offset: 0 },
      { method: 'compose.stageChunk', offset: STAGE_CHUNK_BYTES },
    ])
    expect(sizeText(files()[0]!)).toBe('200 KB')
  })

  it('scales a large photo to the SIM’s limit less the headroom, and stages the JPEG', async () => {
    const { core, store, key, files, settled } = await drafting()
    const photo = pictureFile('IMG_1.png', 1843 * KB, { width: 4000, height: 3000 }, 'image/png')
    store.getState().attachFiles(key, [photo])
    await settled()
    const f = files()[0]!
    expect(f).toMatchObject({ state: 'ready', scaled: true, mime: 'image/jpeg' })
    expect(f.size).toBeLessThanOrEqual(LIMIT - HEADROOM - TYPE_AHEAD)
    expect(core.callsOf('compose.stage')).toEqual([
      { name: 'IMG_1.jpg', mime: 'image/jpeg', size: f.size },
    ])
    expect(sizeText(f)).toMatch(/^1\.8 MB → \d+ KB$/)
  })

  it('refuses a video over the budget with a sentence, and stages nothing', async () => {
    const { core, store, key, files, settled } = await drafting()
    const clip = new File([new Uint8Array(1200 * KB)], 'clip.mp4', { type: 'video/mp4' })
    store.getState().attachFiles(key, [clip])
    await settled()
    expect(files()[0]?.state).toBe('refused')
    expect(files()[0]?.problem).toBe(
      'clip.mp4 (1.2 MB) is too big to send: this message has room for 292 KB more (the carrier allows 300 KB), and only pictures can be made smaller.',
    )
    expect(core.callsOf('compose.stage')).toEqual([])
    expect(store.getState().send(key, { conversationId: 1 }, 'hi', null)).toBe(false)
  })

  it('unstages a removed file, and stops staging one removed midway', async () => {
    const { core, store, key, files, settled } = await drafting()
    store
      .getState()
      .attachFiles(key, [new File([new Uint8Array(50 * KB)], 'a.pdf', { type: 'application/pdf' })])
    await settled()
    const stageId = files()[0]!.stageId
    store.getState().removeDraftFile(key, files()[0]!.id)
    expect(files()).toEqual([])
    await until(() => core.callsOf('compose.unstage').length === 1)
    expect(core.callsOf('compose.unstage')).toEqual([{ stageId }])

    let release: (() => void) | null = null
    core.overrides['compose.stageChunk'] = (a) =>
      new Promise((resolve) => {
        release = () => {
          resolve({ received: (a.offset as number) + STAGE_CHUNK_BYTES })
        }
      })
    const big = new File([new Uint8Array(250 * KB)], 'b.mp4', { type: 'video/mp4' })
    store.getState().attachFiles(key, [big])
    await until(() => release !== null, 'first chunk')
    store.getState().removeDraftFile(key, files()[0]!.id)
    release!()
    await until(() => core.callsOf('compose.unstage').length === 2, 'second unstage')
    // a.pdf's one chunk and b.mp4's first: nothing after the removal.
    expect(core.callsOf('compose.stageChunk').map((c) => c.offset)).toEqual([0, 0])
  })

  it('makes the picture smaller again once more text no longer leaves room', async () => {
    const { core, store, key, files, settled } = await drafting()
    store
      .getState()
      .attachFiles(key, [pictureFile('p.jpg', 2000 * KB, { width: 4000, height: 3000 })])
    await settled()
    const first = files()[0]!
    const room = LIMIT - HEADROOM - first.size!
    // A little more text fits in the room kept for typing: nothing is redone.
    store.getState().setFitContext(key, { ...context, textBytes: room })
    expect(files()[0]?.state).toBe('ready')
    store.getState().setFitContext(key, { ...context, textBytes: room + 1 })
    expect(files()[0]?.state).toBe('preparing')
    await settled()
    expect(files()[0]!.size!).toBeLessThanOrEqual(LIMIT - HEADROOM - room - 1)
    expect(core.callsOf('compose.unstage')).toEqual([{ stageId: first.stageId }])
    expect(core.callsOf('compose.stage')).toHaveLength(2)
  })

  it('shares the budget when a second large picture comes, re-scaling the first', async () => {
    const { store, key, files, settled } = await drafting()
    store
      .getState()
      .attachFiles(key, [pictureFile('a.jpg', 2000 * KB, { width: 4000, height: 3000 })])
    await settled()
    const alone = files()[0]!.size!
    store
      .getState()
      .attachFiles(key, [pictureFile('b.jpg', 2000 * KB, { width: 4000, height: 3000 })])
    await settled()
    const [a, b] = files()
    expect(a!.size!).toBeLessThan(alone)
    expect(a!.size! + b!.size!).toBeLessThanOrEqual(LIMIT - HEADROOM)
    expect(files().every((f) => f.state === 'ready')).toBe(true)
  })

  it('says why it takes no file the phone cannot send, and at most ten', async () => {
    const { store, key, files } = await drafting()
    store.getState().attachFiles(key, [new File(['x'], 'app.zip', { type: 'application/zip' })])
    expect(store.getState().notices.at(-1)?.text).toMatch(/can't send app\.zip: only pictures/)
    const many = Array.from(
      { length: 12 },
      (_, i) => new File(['x'], `n${i}.pdf`, { type: 'application/pdf' }),
    )
    store.getState().attachFiles(key, many)
    expect(files()).toHaveLength(10)
    expect(store.getState().notices.at(-1)?.text).toBe(
      'A message takes at most 10 files; 2 were left out.',
    )
  })

  it('attaches nothing where the phone cannot send pictures, and says why', async () => {
    const { store, key, files } = await drafting()
    store.getState().setFitContext(key, { ...context, refusal: 'This phone can’t, for a test' })
    store.getState().attachFiles(key, [pictureFile('a.jpg', 10 * KB, { width: 10, height: 10 })])
    expect(files()).toEqual([])
    expect(store.getState().notices.at(-1)?.text).toBe('This phone can’t, for a test.')
  })

  it('moves a new message’s files to the conversation it turned out to be', async () => {
    const { store, files } = await drafting()
    store.getState().setFitContext(NEW_KEY, context)
    store.getState().attachFiles(NEW_KEY, [new File(['x'], 'a.pdf', { type: 'application/pdf' })])
    store.getState().moveDraftFiles(NEW_KEY, draftKey(1))
    expect(store.getState().draftFiles[NEW_KEY]).toEqual([])
    expect(files().map((f) => f.name)).toEqual(['a.pdf'])
  })
})

describe('sending files', () => {
  it('sends the staged files with the text, showing the pictures until the core answers', async () => {
    const { core, store, key, settled } = await drafting()
    store
      .getState()
      .attachFiles(key, [
        pictureFile('a.png', 20 * KB, { width: 100, height: 100 }, 'image/png'),
        new File([new Uint8Array(5 * KB)], 'Ada.vcf', { type: '' }),
      ])
    await settled()
    const staged = (store.getState().draftFiles[key] ?? []).map((f) => f.stageId)
    expect(store.getState().send(key, { conversationId: 1 }, '', null)).toBe(true)
    const [pending] = store.getState().pending[key]!
    expect(pending?.attachments).toEqual([
      {
        name: 'a.png',
        mime: 'image/png',
        size: 20 * KB,
        previewUrl: expect.stringMatching(/^blob:/),
      },
      { name: 'Ada.vcf', mime: 'text/vcard', size: 5 * KB, previewUrl: null },
    ])
    expect(store.getState().draftFiles[key]).toEqual([])
    const preview = pending!.attachments[0]!.previewUrl!
    expect(urls.revoked.has(preview)).toBe(false)
    await until(() => (store.getState().pending[key] ?? []).length === 0, 'answer')
    expect(core.callsOf('messages.send')).toEqual([
      { to: { conversationId: 1 }, body: '', subId: null, attachments: staged },
    ])
    expect(urls.revoked.has(preview)).toBe(true)
    const stored = store.getState().threads[1]!
    const sent = stored.byId[stored.ids.at(-1)!]!
    expect(sent.attachments.map((a) => a.name)).toEqual(['a.png', 'Ada.vcf'])
  })

  it('waits for the files: no send while one is still being staged', async () => {
    const { core, store, key } = await drafting()
    core.overrides['compose.stageChunk'] = () => new Promise(() => undefined)
    store.getState().attachFiles(key, [new File(['x'], 'a.pdf', { type: 'application/pdf' })])
    expect(store.getState().send(key, { conversationId: 1 }, 'here it is', null)).toBe(false)
    expect(store.getState().pending[key]).toBeUndefined()
  })

  it('unstages the files of a refused text that is discarded', async () => {
    const { core, store, key, settled } = await drafting()
    core.overrides['messages.send'] = () => {
      throw new FakeError('not_available', 'This phone can’t send pictures.')
    }
    store.getState().attachFiles(key, [new File(['x'], 'a.pdf', { type: 'application/pdf' })])
    await settled()
    store.getState().send(key, { conversationId: 1 }, '', null)
    await until(() => store.getState().pending[key]?.[0]?.state === 'failed', 'failure')
    const [failed] = store.getState().pending[key]!
    store.getState().discardPending(key, failed!.tempId)
    await until(() => core.callsOf('compose.unstage').length === 1, 'unstage')
    expect(core.callsOf('compose.unstage')).toEqual([{ stageId: failed!.stageIds[0] }])
  })
})
