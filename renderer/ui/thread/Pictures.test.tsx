// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ArchivedMessage } from '../../../shared/model'
import { makeConversation, makeMessage } from '../../testing/fixtures'
import { FakeCore } from '../../testing/fake-core'
import { installBlobUrls } from '../../testing/image-mocks'
import { renderWith } from '../../testing/render'
import { App } from '../app/App'

vi.mock('react-virtuoso', () => import('../../testing/virtuoso-mock'))
let urls: ReturnType<typeof installBlobUrls>
beforeEach(() => {
  urls = installBlobUrls()
})
afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

const settle = () => act(() => new Promise((r) => setTimeout(r, 0)))
async function until(check: () => boolean, what = 'condition') {
  for (let i = 0; i < 200; i++) {
    if (check()) return
    await act(() => new Promise((r) => setTimeout(r, 3)))
  }
  throw new Error(`${what} not reached`)
}

const PNG = btoa('PNG fake bytes')

async function threadWith(messages: ArchivedMessage[], host: 'web' | 'electron' = 'web') {
  const core = new FakeCore()
  core.parts.set('5/mms:5:1', { mime: 'image/png', data: PNG })
  core.parts.set('6/mms:6:1', { mime: 'video/mp4', data: btoa('mp4') })
  core.conversations = [makeConversation(1)]
  core.setMessages(1, messages)
  const r = renderWith(<App />, { core, bridge: true, host })
  await settle()
  act(() => {
    r.store.getState().selectConversation(1)
  })
  await settle()
  return { ...r, log: screen.getByRole('log', { name: 'Messages' }) }
}

const picture = makeMessage(5, 1, {
  kind: 'mms',
  body: 'Look!',
  attachments: [
    { partId: 'mms:5:1', mime: 'image/png', size: 15, name: 'IMG_1.png', cached: true },
  ],
})

describe('received pictures', () => {
  it('open full size named after the sender, and Escape closes them', async () => {
    await threadWith([picture])
    const open = await screen.findByRole('button', { name: 'Open picture from Ada' })
    fireEvent.click(open)
    const dialog = screen.getByRole('dialog', { name: 'Picture from Ada' })
    await until(() => dialog.querySelector('img.lightbox-image') !== null, 'picture')
    const img = dialog.querySelector('img.lightbox-image')!
    expect(img.getAttribute('alt')).toBe('IMG_1.png')
    expect(await urls.blobs.get(img.getAttribute('src')!)?.text()).toBe(atob(PNG))
    fireEvent.keyDown(dialog, { key: 'Escape' })
    expect(screen.queryByRole('dialog')).toBeNull()
    // The dialog's own copy of the picture is let go.
    expect(urls.revoked.has(img.getAttribute('src')!)).toBe(true)
  })

  it('save as a download in web mode, under the part’s name', async () => {
    const { core } = await threadWith([picture])
    const clicked: HTMLAnchorElement[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this)
    })
    fireEvent.click(await screen.findByRole('button', { name: 'Open picture from Ada' }))
    const dialog = screen.getByRole('dialog', { name: 'Picture from Ada' })
    await until(() => dialog.querySelector('img') !== null, 'picture')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save picture' }))
    await until(() => clicked.length === 1, 'download')
    expect(clicked[0]!.download).toBe('IMG_1.png')
    expect(clicked[0]!.href).toMatch(/^blob:/)
    expect(await urls.blobs.get(clicked[0]!.getAttribute('href')!)?.text()).toBe(atob(PNG))
    expect(core.callsOf('attachments.save')).toEqual([])
  })

  it('save through the core’s Save as… in Electron', async () => {
    const { core, store } = await threadWith([picture], 'electron')
    fireEvent.click(await screen.findByRole('button', { name: 'Open picture from Ada' }))
    const dialog = screen.getByRole('dialog', { name: 'Picture from Ada' })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save picture' }))
    await until(() => core.callsOf('attachments.save').length === 1, 'save')
    expect(core.callsOf('attachments.save')).toEqual([{ messageId: 5, partId: 'mms:5:1' }])
    await until(() => store.getState().notices.length > 0, 'notice')
    expect(store.getState().notices.at(-1)).toMatchObject({
      text: 'Saved IMG_1.png.',
      tone: 'info',
    })
  })
})

describe('other parts', () => {
  it('show as files with a name, size and Save', async () => {
    const video = makeMessage(6, 1, {
      kind: 'mms',
      body: '',
      attachments: [
        { partId: 'mms:6:1', mime: 'video/mp4', size: 1_250_000, name: 'clip.mp4', cached: true },
        { partId: 'mms:6:2', mime: 'text/x-vcard', size: 300, name: null, cached: false },
      ],
    })
    const { core, log } = await threadWith([video])
    const bubble = log.querySelector('[data-message-id="6"]') as HTMLElement
    expect(bubble.textContent).toContain('clip.mp4 · Video · 1.2 MB')
    expect(bubble.textContent).toContain('attachment-6.vcf · Contact card · 300 B')
    const clicked: HTMLAnchorElement[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this)
    })
    fireEvent.click(within(bubble).getByRole('button', { name: 'Save clip.mp4' }))
    await until(() => clicked.length === 1, 'download')
    expect(clicked[0]!.download).toBe('clip.mp4')
    expect(core.callsOf('attachments.get')).toContainEqual({ messageId: 6, partId: 'mms:6:1' })
  })
})

describe('sent pictures', () => {
  it('show the waiting state while the phone asks its user', async () => {
    const waiting = makeMessage(7, 1, {
      direction: 'outgoing',
      kind: 'mms',
      body: 'for you',
      delivery: { state: 'waiting', reason: null, outboxId: 3 },
      attachments: [{ partId: 'up:ab', mime: 'image/jpeg', size: 9, name: 'a.jpg', cached: true }],
    })
    const { log } = await threadWith([waiting])
    const bubble = log.querySelector('[data-message-id="7"]') as HTMLElement
    expect(bubble.getAttribute('data-delivery')).toBe('waiting')
    expect(bubble.textContent).toContain('Waiting for you to allow sending on the phone')
  })
})
