// Each phone's connection, always in view at the top of the sidebar, and what waits in the
// outbox. Countdowns and progress tick here; the live region only hears state changes.
import { useState } from 'react'
import type { DeviceStatus } from '../../../shared/api/status'
import type { OutboxCounts } from '../../../shared/model'
import { plural } from '../../lib/words'
import { useActions, useApp } from '../../store/context'
import { useNow } from '../common/use-now'
import { connectionDetail, connectionTone, connectionWord } from './connection-words'
import { DiagnosticsDialog } from './Diagnostics'

export function StatusPanel() {
  const status = useApp((s) => s.status)
  if (status === null) return null
  return (
    <div className="status-panel">
      {status.devices.map((d) => (
        <DeviceLine key={d.deviceId} device={d} />
      ))}
      <OutboxLine counts={status.outbox} />
      <p className="visually-hidden" role="status">
        {status.devices.map((d) => `${d.name}: ${connectionWord(d.connection)}.`).join(' ')}
      </p>
    </div>
  )
}

function DeviceLine({ device }: { device: DeviceStatus }) {
  const c = device.connection
  const ticking = c.state === 'reconnecting' || c.state === 'unreachable'
  const now = useNow(1000, ticking)
  const [help, setHelp] = useState(false)
  const { openOverlay } = useActions()
  const tone = connectionTone(c)
  return (
    <div className={`device-line tone-${tone}`} data-connection={c.state}>
      <span className="status-dot" aria-hidden="true" />
      <div className="device-text">
        <span className="device-name">
          <bdi>{device.name}</bdi>
        </span>
        <span className="device-state">{connectionDetail(c, now)}</span>
        {c.state === 'syncing' && c.progress.total !== null && c.progress.total > 0 && (
          <progress
            className="sync-progress"
            max={c.progress.total}
            value={Math.min(c.progress.done, c.progress.total)}
            aria-label={connectionWord(c)}
          />
        )}
      </div>
      {(c.state === 'unreachable' || (c.state === 'reconnecting' && c.attempt >= 3)) && (
        <button
          type="button"
          className="text-button"
          onClick={() => {
            setHelp(true)
          }}
        >
          What to check
        </button>
      )}
      {c.state === 'unpaired' && (
        <button
          type="button"
          className="text-button"
          onClick={() => {
            openOverlay('pairing')
          }}
        >
          Pair again
        </button>
      )}
      {help && (
        <DiagnosticsDialog
          device={device}
          now={now}
          onClose={() => {
            setHelp(false)
          }}
        />
      )}
    </div>
  )
}

function OutboxLine({ counts }: { counts: OutboxCounts }) {
  const waiting = counts.queued + counts.dispatching
  if (waiting === 0 && counts.failed === 0 && counts.unknown === 0) return null
  const parts: string[] = []
  if (waiting > 0) parts.push(`${plural(waiting, 'text', 'texts')} waiting to send`)
  if (counts.failed > 0) parts.push(plural(counts.failed, 'failed', 'failed'))
  if (counts.unknown > 0) parts.push(`${plural(counts.unknown, 'needs', 'need')} your decision`)
  return (
    <p
      className={counts.failed + counts.unknown > 0 ? 'outbox-line tone-bad' : 'outbox-line'}
      data-outbox-waiting={waiting}
    >
      <span aria-hidden="true">⇡</span> {parts.join(' · ')}
    </p>
  )
}
