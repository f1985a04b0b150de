// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Device } from '../../../shared/model'
import { NO_GROUP_REASON, NO_MMS_REASON } from '../../lib/attach-words'
import { makeConversation, makeDevice, makeMessage } from '../../testing/fixtures'
import { FakeCore } from '../../testing/fake-core'
import { installBlobUrls, installImageMocks, pictureFile } from '../../testing/image-mocks'
import { renderWith } from '../../testing/render'
import { App } from '../app/App'

vi.mock('react-virtuoso', () => import('../../testing/virtuoso-mock'))
beforeEach(() => {
  installImageMocks()
  installBlobUrls()
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const KB = 1024
const settle = () => act(() => new Promise((r) => setTimeout(r, 0)))
async function until(check: () => boolean, what = 'condition') {
  for (let i = 0; i < 300; i++) {
    if (check()) return
    await act(() => new Promise((r) => setTimeout(r, 3)))
  }
  throw new Error(`${what} not reached`)
}

function withSending(sending: Partial<Device['sending']>): FakeCore {
  const core = new FakeCore()
  const device = makeDevice()
  core.devices = [makeDevice({ sending: { ...device.sending, ...sending } })]
  return core
}

async function openThread(core = new FakeCore(), participants = 1) {
  const people = Array.from({ length: participants }, (_, i) => ({
    key: `+4477009000${i}`,
    address: `07700 9000${i}`,
    name: `Person ${i}`,
  }))
  core.conversations = [makeConversation(1, { participants: people })]
  core.setMessages(1, [makeMessage(1, 1)])
  const r = renderWith(<App />, { core, bridge: true })
  await settle()
  act(() => {
    r.store.getState().selectConversation(1)
  })
  await settle()
  const box = screen.getByRole('textbox', { name: 'Message' })
  const tray = () => screen.queryByRole('list', { name: 'Attachments' })
  const ready = () =>
    until(
      () =>
        (r.store.getState().draftFiles.c1 ?? []).every(
          (f) => f.state === 'ready' || f.state === 'refused',
        ),
      'files ready',
    )
  return { ...r, box, tray, ready }
}

const send = () => screen.getByRole('button', { name: 'Send' })
const dropOnWindow = (files: File[]) => {
  const event = new Event('drop', { bubbles: true, cancelable: true })
  Object.defineProperty(event, 'dataTransfer', { value: { types: ['Files'], files } })
  act(() => {
    window.dispatchEvent(event)
  })
}

describe('attaching in the compose box', () => {
  it('picks files with the paper clip, previews them with their size, and sends them', async () => {
    const { core, container, tray, ready } = await openThread()
    const button = screen.getByRole('button', { name: 'Attach a picture or file' })
    const opened = vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(() => {})
    fireEvent.click(button)
    expect(opened).toHaveBeenCalled()
    opened.mockRestore()
    const input = container.querySelector<HTMLInputElement>('input[type="file"]')!
    const photo = pictureFile('cat.png', 240 * KB, { width: 600, height: 400 }, 'image/png')
    fireEvent.change(input, { target: { files: [photo] } })
    const item = within(tray()!).getByRole('listitem')
    expect(item.querySelector('img')?.getAttribute('src')).toMatch(/^blob:/)
    expect(within(item).getByText('240 KB')).toBeTruthy()
    expect(send().hasAttribute('disabled')).toBe(true)
    await ready()
    expect(send().hasAttribute('disabled')).toBe(false)
    fireEvent.click(send())
    // At once: the bubble shows the picture being sent, the tray is empty.
    const log = screen.getByRole('log', { name: 'Messages' })
    const pending = log.querySelector('[data-delivery="sending"]')!
    expect(pending.querySelector('img')?.getAttribute('src')).toMatch(/^blob:/)
    expect(pending.textContent).toContain('Sending…')
    expect(tray()).toBeNull()
    await until(() => core.callsOf('messages.send').length === 1, 'send')
    expect(core.callsOf('messages.send')[0]).toMatchObject({
      to: { conversationId: 1 },
      body: '',
      attachments: [expect.stringMatching(/^[0-9a-f]{32}$/)],
    })
  })

  it('attaches a pasted picture, and leaves a paste of words to the box', async () => {
    const { box, tray, ready } = await openThread()
    const words = fireEvent.paste(box, { clipboardData: { files: [] } })
    expect(words).toBe(true)
    expect(tray()).toBeNull()
    const pasted = pictureFile('image.png', 1843 * KB, { width: 3000, height: 2000 }, 'image/png')
    const handled = fireEvent.paste(box, { clipboardData: { files: [pasted] } })
    expect(handled).toBe(false)
    await ready()
    // Too big for the SIM as it was: made smaller, and both sizes shown.
    expect(within(tray()!).getByText(/^1\.8 MB → \d+ KB$/)).toBeTruthy()
  })

  it('attaches files dropped on the open conversation, and imports a dropped backup', async () => {
    const { core, tray, store } = await openThread()
    dropOnWindow([new File(['x'], 'notes.pdf', { type: 'application/pdf' })])
    expect(within(tray()!).getByRole('button', { name: 'Remove notes.pdf' })).toBeTruthy()
    dropOnWindow([new File(['<smses/>'], 'sms.xml', { type: 'text/xml' })])
    await until(() => core.callsOf('data.upload').length > 0, 'import')
    expect(store.getState().overlay).toBe('settings')
    expect(core.callsOf('data.upload')).toEqual([{ name: 'sms.xml', size: 8 }])
  })

  it('removes a file with its Remove button and drops its staged copy', async () => {
    const { core, tray, ready, box } = await openThread()
    dropOnWindow([
      new File(['a'], 'a.pdf', { type: 'application/pdf' }),
      new File(['b'], 'b.pdf', { type: 'application/pdf' }),
    ])
    await ready()
    fireEvent.click(screen.getByRole('button', { name: 'Remove a.pdf' }))
    expect(within(tray()!).getAllByRole('listitem')).toHaveLength(1)
    expect(document.activeElement).toBe(box)
    await until(() => core.callsOf('compose.unstage').length === 1, 'unstage')
  })

  it('refuses a video over the carrier’s limit before anything is sent', async () => {
    const { tray, ready, box } = await openThread()
    dropOnWindow([new File([new Uint8Array(1200 * KB)], 'clip.mp4', { type: 'video/mp4' })])
    await ready()
    expect(within(tray()!).getByText(/clip\.mp4 \(1\.2 MB\) is too big to send/)).toBeTruthy()
    fireEvent.change(box, { target: { value: 'with a video' } })
    expect(send().hasAttribute('disabled')).toBe(true)
  })

  it('waits for staging before Send is offered', async () => {
    const core = new FakeCore()
    let release: (() => void) | null = null
    core.overrides['compose.stageChunk'] = (a) =>
      new Promise((resolve) => {
        release = () => {
          resolve({ received: (a.offset as number) + 1 })
        }
      })
    const { box, tray } = await openThread(core)
    fireEvent.change(box, { target: { value: 'look' } })
    dropOnWindow([new File(['x'], 'a.pdf', { type: 'application/pdf' })])
    await until(() => release !== null, 'staging')
    expect(within(tray()!).getByText(/Attaching…/)).toBeTruthy()
    expect(send().hasAttribute('disabled')).toBe(true)
    fireEvent.keyDown(box, { key: 'Enter' })
    expect(core.callsOf('messages.send')).toEqual([])
    release!()
    await until(() => !send().hasAttribute('disabled'), 'send offered')
  })
})

describe('offering only what the phone can send', () => {
  it('explains why nothing can be attached when the phone cannot send MMS', async () => {
    const { box, tray, store } = await openThread(withSending({ mms: false, group: false }))
    const button = screen.getByRole('button', { name: 'Attach a picture or file' })
    expect(button.getAttribute('aria-disabled')).toBe('true')
    expect(screen.getByRole('button', { description: NO_MMS_REASON })).toBe(button)
    expect(button.getAttribute('title')).toBe(NO_MMS_REASON)
    fireEvent.paste(box, {
      clipboardData: { files: [pictureFile('a.png', 10, { width: 5, height: 5 }, 'image/png')] },
    })
    expect(tray()).toBeNull()
    expect(store.getState().notices.at(-1)?.text).toBe(`${NO_MMS_REASON}.`)
  })

  it('disables the box of a group conversation the phone cannot text, saying why', async () => {
    const { box } = await openThread(withSending({ group: false }), 3)
    expect(box.hasAttribute('disabled')).toBe(true)
    const why = document.getElementById(box.getAttribute('aria-describedby')!)!
    expect(why.textContent).toBe(`${NO_GROUP_REASON}. Reply from the phone.`)
    expect(send().hasAttribute('disabled')).toBe(true)
  })

  it('replies to a group as one group text when the phone can', async () => {
    const { core, box } = await openThread(new FakeCore(), 3)
    expect(screen.getByText('Group text (MMS)')).toBeTruthy()
    fireEvent.change(box, { target: { value: 'hi all' } })
    fireEvent.keyDown(box, { key: 'Enter' })
    await until(() => core.callsOf('messages.send').length === 1, 'send')
  })

  it('offers one group text to several new recipients only when the phone can send one', async () => {
    for (const group of [true, false]) {
      const core = withSending({ group })
      const { store, unmount } = renderWith(<App />, { core, bridge: true })
      await settle()
      act(() => {
        store.getState().openNewConversation(null)
        store.getState().updateNewConversation({
          recipients: [
            { address: '+447700900001', name: 'A' },
            { address: '+447700900002', name: 'B' },
            { address: '+447700900003', name: 'C' },
          ],
        })
      })
      await settle()
      const box = screen.getByRole('textbox', { name: 'Message' })
      if (group) {
        expect(screen.getByText('Sends one group text to 3 people.')).toBeTruthy()
        fireEvent.change(box, { target: { value: 'Hello all' } })
        expect(send().hasAttribute('disabled')).toBe(false)
      } else {
        expect(screen.queryByText(/Sends one group text/)).toBeNull()
        const why = document.getElementById(box.getAttribute('aria-describedby')!)!
        expect(why.textContent).toBe(
          `${NO_GROUP_REASON}, so a text can go to one person at a time.`,
        )
        expect(box.hasAttribute('disabled')).toBe(true)
        expect(send().hasAttribute('disabled')).toBe(true)
      }
      unmount()
    }
  })
})
