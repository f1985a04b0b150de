// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ImportJob } from '../../../shared/api/data'
import { makeConversation, makeDevice } from '../../testing/fixtures'
import { FakeCore } from '../../testing/fake-core'
import { renderWith } from '../../testing/render'
import { App } from '../app/App'

vi.mock('react-virtuoso', () => import('../../testing/virtuoso-mock'))
afterEach(cleanup)

const settle = () => act(() => new Promise((r) => setTimeout(r, 0)))
const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await settle()
}

async function openData() {
  const core = new FakeCore()
  core.conversations = [makeConversation(1), makeConversation(2)]
  const r = renderWith(<App />, { core, bridge: true })
  await settle()
  fireEvent.click(screen.getByRole('button', { name: 'Settings' }))
  await settle()
  const dialog = screen.getByRole('dialog', { name: 'Settings' })
  const section = within(dialog).getByRole('region', { name: 'Data' })
  return { ...r, core, section }
}

const job = (over: Partial<ImportJob>): ImportJob => ({
  fileName: 'sms-2019.xml',
  state: 'importing',
  deviceId: makeDevice().id,
  bytesDone: 500,
  totalBytes: 1000,
  read: 1200,
  added: 1000,
  present: 200,
  rate: 4000,
  detail: null,
  ...over,
})

describe('Settings → Data', () => {
  it('says where the archive is, how big, and what each phone’s archive holds', async () => {
    const { section } = await openData()
    expect(within(section).getByText('/home/user/.config/Textbridge')).toBeTruthy()
    expect(within(section).getByText('5.0 MB')).toBeTruthy()
    expect(within(section).getByText('2 messages in 2 conversations')).toBeTruthy()
  })

  it('sends a chosen file in chunks and imports it into the paired phone', async () => {
    const { core, section } = await openData()
    const input = within(section).getByLabelText<HTMLInputElement>('Backup file to import')
    const bytes = new Uint8Array(400 * 1024).fill(65)
    const file = new File([bytes], 'sms-2019.xml', { type: 'text/xml' })
    fireEvent.change(input, { target: { files: [file] } })
    await until(() => core.callsOf('data.import').length > 0)
    expect(core.callsOf('data.upload')).toEqual([{ name: 'sms-2019.xml', size: bytes.length }])
    const chunks = core.callsOf('data.chunk')
    expect(chunks.map((c) => c.offset)).toEqual([0, 160 * 1024, 320 * 1024])
    const total = chunks.reduce((n, c) => n + atob(c.data as string).length, 0)
    expect(total).toBe(bytes.length)
    expect(core.callsOf('data.import')).toEqual([
      { uploadId: 'a'.repeat(32), deviceId: makeDevice().id },
    ])
  })

  it('shows the import’s progress, lets it be stopped, and sums it up', async () => {
    const { core, section } = await openData()
    act(() => {
      core.emit({ type: 'import', job: job({}) })
    })
    const bar = within(section).getByRole('progressbar', { name: 'Importing' })
    expect(bar.getAttribute('value')).toBe('500')
    expect(within(section).getByRole('status', { name: 'Import' }).textContent).toMatch(
      /1,200 messages read \(1,000 new, 200 already there\) · 4,000 a second/,
    )
    fireEvent.click(within(section).getByRole('button', { name: 'Stop import' }))
    await settle()
    expect(core.callsOf('data.cancel')).toHaveLength(1)
    act(() => {
      core.emit({
        type: 'import',
        job: job({ state: 'damaged', detail: 'The file is damaged at line 9, column 3.' }),
      })
    })
    expect(within(section).queryByRole('progressbar')).toBeNull()
    expect(within(section).getByRole('status', { name: 'Import' }).textContent).toMatch(
      /line 9, column 3/,
    )
  })

  it('deletes a phone’s archive only after a confirmation that says what goes', async () => {
    const { core, section } = await openData()
    const device = makeDevice()
    fireEvent.click(
      within(section).getByRole('button', { name: `Delete the archive of ${device.name}` }),
    )
    const confirm = screen.getByRole('alertdialog', {
      name: `Delete the archive of ${device.name}?`,
    })
    expect(confirm.textContent).toMatch(/2 messages in 2 conversations/)
    expect(confirm.textContent).toMatch(/unpaired too/)
    expect(core.callsOf('data.delete')).toEqual([])
    fireEvent.click(within(confirm).getByRole('button', { name: 'Delete archive' }))
    await settle()
    expect(core.callsOf('data.delete')).toEqual([{ deviceId: device.id }])
  })

  it('imports a backup dropped on the window and refuses other files', async () => {
    const { core } = await openData()
    fireEvent.click(screen.getByRole('button', { name: 'Done' }))
    const drop = (file: File) => {
      const event = new Event('drop', { bubbles: true, cancelable: true })
      Object.defineProperty(event, 'dataTransfer', { value: { types: ['Files'], files: [file] } })
      window.dispatchEvent(event)
    }
    act(() => {
      drop(new File(['x'], 'photo.jpg', { type: 'image/jpeg' }))
    })
    expect(screen.getByText(/photo.jpg is not an SMS Backup & Restore file/)).toBeTruthy()
    act(() => {
      drop(new File(['<smses/>'], 'sms.xml', { type: 'text/xml' }))
    })
    await until(() => core.callsOf('data.import').length > 0)
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBeTruthy()
    expect(core.callsOf('data.upload')).toEqual([{ name: 'sms.xml', size: 8 }])
  })

  it('exports in the chosen format and range, and fetches the file for a download', async () => {
    const { core, section } = await openData()
    const body = btoa('<smses count="2"></smses>')
    core.overrides['data.export'] = () => ({
      fileName: 'sms-20261208000000.xml',
      messages: 2,
      conversations: 2,
      sizeBytes: atob(body).length,
      savedTo: null,
      exportId: 'b'.repeat(32),
    })
    core.overrides['data.download'] = () => ({ data: body, size: atob(body).length })
    const created: Blob[] = []
    URL.createObjectURL = (blob: Blob) => {
      created.push(blob)
      return 'blob:export'
    }
    URL.revokeObjectURL = () => undefined
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    fireEvent.change(within(section).getByLabelText('Format'), { target: { value: 'csv' } })
    fireEvent.change(within(section).getByLabelText('From'), { target: { value: '2024-01-01' } })
    fireEvent.change(within(section).getByLabelText('To'), { target: { value: '2024-01-31' } })
    fireEvent.click(within(section).getByRole('button', { name: 'Export' }))
    await until(() => created.length > 0)
    expect(core.callsOf('data.export')).toEqual([
      {
        format: 'csv',
        since: new Date(2024, 0, 1).getTime(),
        until: new Date(2024, 1, 1).getTime(),
      },
    ])
    expect(await created[0]?.text()).toBe('<smses count="2"></smses>')
    expect(clicked).toHaveBeenCalled()
    await settle()
    expect(within(section).getByRole('status', { name: 'Export' }).textContent).toMatch(
      /Exported 2 messages from 2 conversations .* as sms-20261208000000\.xml/,
    )
    clicked.mockRestore()
  })

  it('refuses a range that ends before it starts', async () => {
    const { section } = await openData()
    fireEvent.change(within(section).getByLabelText('From'), { target: { value: '2024-02-01' } })
    fireEvent.change(within(section).getByLabelText('To'), { target: { value: '2024-01-01' } })
    const button = within(section).getByRole('button', { name: 'Export' })
    expect((button as HTMLButtonElement).disabled).toBe(true)
    expect(within(section).getByText('The first day must come before the last.')).toBeTruthy()
  })
})
