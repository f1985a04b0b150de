// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { PairingView } from '../../../shared/api/pairing'
import { FakeCore } from '../../testing/fake-core'
import { makeConversation, makeDevice } from '../../testing/fixtures'
import { renderWith } from '../../testing/render'
import { App } from '../app/App'

vi.mock('react-virtuoso', () => import('../../testing/virtuoso-mock'))
afterEach(cleanup)

const settle = () => act(() => new Promise((r) => setTimeout(r, 0)))
const URI = 'textbridge://pair?v=1&k=abc&s=def'

function unpairedCore(demo: boolean) {
  const core = new FakeCore()
  core.devices = []
  core.status = { devices: [], outbox: { queued: 0, dispatching: 0, failed: 0, unknown: 0 } }
  core.info = { ...core.info, demo }
  core.overrides['pairing.start'] = () => {
    core.pairing = { step: 'showing_qr', uri: URI, expiresAt: Date.now() + 102_000 }
    return core.pairing
  }
  core.overrides['demo.scanQr'] = () => null
  return core
}

function push(core: FakeCore, pairing: PairingView) {
  act(() => {
    core.emit({ type: 'pairing', pairing })
  })
}

describe('pairing', () => {
  it('shows the QR with its countdown and plain instructions when no phone is paired', async () => {
    renderWith(<App />, { core: unpairedCore(false), bridge: true })
    await settle()
    await settle()
    expect(screen.getByRole('heading', { name: 'Pair your phone' })).toBeTruthy()
    expect(screen.getByRole('img', { name: /Pairing code/ }).querySelector('path')).toBeTruthy()
    expect(document.querySelector('[data-pairing-uri]')?.getAttribute('data-pairing-uri')).toBe(URI)
    expect(screen.getByText(/New code in 1:4\d/)).toBeTruthy()
    expect(screen.getByText('Open Textbridge on your phone.')).toBeTruthy()
    expect(screen.getByText('Point the camera at this code.')).toBeTruthy()
    expect(screen.queryByRole('complementary', { name: 'Demo phone' })).toBeNull()
    // Said before pairing, so nobody waits for chats that never come.
    expect(screen.getByTestId('rcs-limit').textContent).toMatch(/chat features \(RCS\)/)
  })

  it('walks the demo phone through scan, short code and success', async () => {
    const core = unpairedCore(true)
    renderWith(<App />, { core, bridge: true })
    await settle()
    await settle()
    fireEvent.click(screen.getByRole('button', { name: 'Scan with the demo phone' }))
    await settle()
    expect(core.callsOf('demo.scanQr')).toEqual([{ uri: URI }])
    push(core, { step: 'confirm', sas: '123456', phoneName: 'Demo Pixel' })
    expect(document.querySelector('.sas')?.textContent).toBe('123 456')
    expect(screen.getByText(/Check that/).textContent).toContain('Demo Pixel')
    core.devices = [makeDevice()]
    core.conversations = [makeConversation(1, { title: 'Welcome' })]
    push(core, { step: 'paired', deviceId: core.devices[0]!.id, phoneName: 'Demo Pixel' })
    await settle()
    expect(screen.getByRole('heading', { name: 'Paired' })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Start texting' }))
    await settle()
    expect(screen.getByRole('option', { name: /Welcome/ })).toBeTruthy()
  })

  it('explains a failure in words and starts again on "Try again"', async () => {
    const core = unpairedCore(false)
    renderWith(<App />, { core, bridge: true })
    await settle()
    push(core, { step: 'failed', reason: 'key_mismatch', detail: null })
    expect(screen.getByText(/security key doesn’t match/)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
    await settle()
    expect(core.callsOf('pairing.start').length).toBeGreaterThanOrEqual(2)
  })

  it('pairs by a typed address, refusing what is not one', async () => {
    const core = unpairedCore(false)
    renderWith(<App />, { core, bridge: true })
    await settle()
    await settle()
    fireEvent.click(screen.getByText(/Can’t find your phone\? Connect by address/))
    const field = screen.getByLabelText(/Phone address/)
    fireEvent.change(field, { target: { value: 'http://evil' } })
    fireEvent.submit(field.closest('form')!)
    expect(screen.getByRole('alert').textContent).toMatch(/Type the address/)
    fireEvent.change(field, { target: { value: '192.168.1.20' } })
    fireEvent.submit(field.closest('form')!)
    await settle()
    expect(core.callsOf('pairing.connectTo')).toEqual([{ host: '192.168.1.20', port: 47800 }])
    push(core, { step: 'connecting', address: '192.168.1.20:47800' })
    expect(screen.getByText('192.168.1.20:47800')).toBeTruthy()
  })
})
