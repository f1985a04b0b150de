// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { makeConversation, makeMessage } from '../../testing/fixtures'
import { FakeCore } from '../../testing/fake-core'
import { renderWith } from '../../testing/render'
import { App } from '../app/App'

vi.mock('react-virtuoso', () => import('../../testing/virtuoso-mock'))
afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

const settle = () => act(() => new Promise((r) => setTimeout(r, 0)))

async function threadWithLink(host: 'web' | 'electron') {
  const core = new FakeCore()
  core.conversations = [makeConversation(1)]
  core.setMessages(1, [makeMessage(1, 1, { body: 'Track it: https://parcel.example/t/1' })])
  core.overrides['links.open'] = () => true
  const r = renderWith(<App />, { core, bridge: true, host })
  await settle()
  act(() => {
    r.store.getState().selectConversation(1)
  })
  await settle()
  return { ...r, link: screen.getByRole('link', { name: 'https://parcel.example/t/1' }) }
}

describe('links in texts', () => {
  it('in web mode, opens only after the page’s own confirmation, without an opener', async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => null)
    const { link } = await threadWithLink('web')
    fireEvent.click(link)
    expect(open).not.toHaveBeenCalled()
    const dialog = screen.getByRole('alertdialog', { name: 'Open this link?' })
    expect(within(dialog).getByText('parcel.example')).toBeTruthy()
    fireEvent.click(within(dialog).getByRole('button', { name: 'Open link' }))
    expect(open).toHaveBeenCalledWith('https://parcel.example/t/1', '_blank', 'noopener,noreferrer')
  })

  it('in web mode, Cancel opens nothing, and a middle click also asks first', async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => null)
    const { link } = await threadWithLink('web')
    fireEvent(link, new MouseEvent('auxclick', { bubbles: true, button: 1 }))
    const dialog = screen.getByRole('alertdialog', { name: 'Open this link?' })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(open).not.toHaveBeenCalled()
  })

  it('in Electron, hands the link to the main process, which confirms natively', async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => null)
    const { link, core } = await threadWithLink('electron')
    fireEvent.click(link)
    await settle()
    expect(core.callsOf('links.open')).toEqual([{ url: 'https://parcel.example/t/1' }])
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(open).not.toHaveBeenCalled()
  })
})
