// Export in Settings → Data: the format, every conversation or the one open, and an optional
// range of days. Electron asks where to save it; a browser downloads it.
import { useState } from 'react'
import type { ExportFormat } from '../../../shared/api/data'
import { formatBytes } from '../../lib/blob'
import { useActions, useApp } from '../../store/context'

const FORMATS: readonly { readonly value: ExportFormat; readonly label: string }[] = [
  { value: 'sbr', label: 'SMS Backup & Restore (XML, restorable on a phone)' },
  { value: 'csv', label: 'Spreadsheet (CSV)' },
  { value: 'json', label: 'JSON' },
  { value: 'html', label: 'Printable transcript (HTML)' },
]
const number = new Intl.NumberFormat()

/** A day picked in a date field, as local midnight; `next` gives the midnight after it. */
function dayStart(value: string, next = false): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (match === null) return undefined
  const [, y, m, d] = match.map(Number) as [number, number, number, number]
  return new Date(y, m - 1, d + (next ? 1 : 0)).getTime()
}

export function ExportControls() {
  const state = useApp((s) => s.exportState)
  const host = useApp((s) => s.info?.host ?? 'web')
  const open = useApp((s) =>
    s.selectedId === null ? null : (s.conversations.byId[s.selectedId] ?? null),
  )
  const { exportArchive } = useActions()
  const [format, setFormat] = useState<ExportFormat>('sbr')
  const [onlyOpen, setOnlyOpen] = useState(false)
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const since = dayStart(from)
  const until = dayStart(to, true)
  const badRange = since !== undefined && until !== undefined && since >= until
  const run = () => {
    void exportArchive({
      format,
      ...(onlyOpen && open !== null ? { conversationId: open.id } : {}),
      ...(since === undefined ? {} : { since }),
      ...(until === undefined ? {} : { until }),
    })
  }
  return (
    <fieldset className="export-controls">
      <legend className="strong">Export</legend>
      <div className="export-row">
        <label className="inline-label">
          Format
          <select
            value={format}
            onChange={(e) => {
              setFormat(e.target.value as ExportFormat)
            }}
          >
            {FORMATS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-label">
          Messages
          <select
            value={onlyOpen && open !== null ? 'open' : 'all'}
            onChange={(e) => {
              setOnlyOpen(e.target.value === 'open')
            }}
          >
            <option value="all">Every conversation</option>
            {open !== null && <option value="open">Only {open.title}</option>}
          </select>
        </label>
      </div>
      <div className="export-row">
        <label className="inline-label">
          From
          <input
            type="date"
            value={from}
            onChange={(e) => {
              setFrom(e.target.value)
            }}
          />
        </label>
        <label className="inline-label">
          To
          <input
            type="date"
            value={to}
            onChange={(e) => {
              setTo(e.target.value)
            }}
          />
        </label>
        <button
          type="button"
          className="button"
          disabled={state.step === 'running' || badRange}
          onClick={run}
        >
          {host === 'electron' ? 'Export…' : 'Export'}
        </button>
      </div>
      <p
        className={state.step === 'failed' || badRange ? 'form-error' : 'muted'}
        role="status"
        aria-label="Export"
      >
        {badRange
          ? 'The first day must come before the last.'
          : state.step === 'running'
            ? 'Exporting…'
            : state.step === 'failed'
              ? `Couldn't export: ${state.reason}`
              : state.step === 'done'
                ? `Exported ${number.format(state.done.messages)} messages from ${number.format(state.done.conversations)} conversations (${formatBytes(state.done.sizeBytes)})${state.done.savedTo === null ? ` as ${state.done.fileName}` : ` to ${state.done.savedTo}`}.`
                : ''}
      </p>
    </fieldset>
  )
}
