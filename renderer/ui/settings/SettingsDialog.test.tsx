// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { makeConversation, makeDevice } from '../../testing/fixtures'
import { FakeCore } from '../../testing/fake-core'
import { renderWith } from '../../testing/render'
import { App } from '../app/App'

vi.mock('react-virtuoso', () => import('../../testing/virtuoso-mock'))
afterEach(cleanup)

const settle = () => act(() => new Promise((r) => setTimeout(r, 0)))

async function openSettings() {
  const core = new FakeCore()
  core.conversations = [makeConversation(1)]
  core.devices = [
    makeDevice(),
    makeDevice({ id: 'f'.repeat(32), name: 'Old phone', unpairedAt: Date.now() - 1000 }),
  ]
  const r = renderWith(<App />, { core, bridge: true })
  await settle()
  fireEvent.click(screen.getByRole('button', { name: 'Settings' }))
  return { ...r, dialog: screen.getByRole('dialog', { name: 'Settings' }) }
}

describe('settings', () => {
  it('lists paired phones with SIMs and last seen, and former ones apart', async () => {
    const { dialog } = await openSettings()
    const card = dialog.querySelector(`[data-device-id="${makeDevice().id}"]`) as HTMLElement
    expect(within(card).getByText('SIM 1: Personal (Vodafone)')).toBeTruthy()
    expect(within(card).getByText('SIM 2: Work (EE)')).toBeTruthy()
    expect(within(card).getByText('Connected now')).toBeTruthy()
    expect(within(dialog).getByText('Previously paired')).toBeTruthy()
  })

  it('renames a phone', async () => {
    const { core, dialog } = await openSettings()
    core.overrides['devices.rename'] = (args) => makeDevice({ name: args.name as string })
    fireEvent.click(within(dialog).getAllByRole('button', { name: 'Rename' })[0]!)
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'Work phone' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }))
    await settle()
    expect(core.callsOf('devices.rename')).toEqual([
      { deviceId: makeDevice().id, name: 'Work phone' },
    ])
    expect(within(dialog).getByText('Work phone')).toBeTruthy()
  })

  it('unpairs only after a confirmation', async () => {
    const { core, dialog } = await openSettings()
    core.overrides['devices.unpair'] = () => makeDevice({ unpairedAt: Date.now() })
    fireEvent.click(within(dialog).getAllByRole('button', { name: 'Unpair' })[0]!)
    const confirm = screen.getByRole('alertdialog', { name: 'Unpair Pixel 8?' })
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }))
    expect(core.callsOf('devices.unpair')).toEqual([])
    fireEvent.click(within(dialog).getAllByRole('button', { name: 'Unpair' })[0]!)
    fireEvent.click(
      within(screen.getByRole('alertdialog', { name: 'Unpair Pixel 8?' })).getByRole('button', {
        name: 'Unpair',
      }),
    )
    await settle()
    expect(core.callsOf('devices.unpair')).toEqual([{ deviceId: makeDevice().id }])
  })

  it('opens pairing for another phone, which can be closed again', async () => {
    const { store } = await openSettings()
    fireEvent.click(screen.getByRole('button', { name: 'Pair another phone' }))
    expect(store.getState().overlay).toBe('pairing')
    fireEvent.click(screen.getByRole('button', { name: 'Close pairing' }))
    expect(store.getState().overlay).toBe('none')
  })
})
