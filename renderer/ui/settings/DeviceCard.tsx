// One paired phone in Settings: rename it, see its SIMs and when it was last seen, unpair it
// (after a confirmation that says what happens to the archive).
import { useId, useState, type SubmitEvent } from 'react'
import type { Device } from '../../../shared/model'
import { errorText } from '../../api/facade'
import { formatAgo, formatStamp } from '../../lib/time'
import { useActions, useApp } from '../../store/context'
import { ConfirmDialog } from '../common/Dialog'
import { useNow } from '../common/use-now'
import { simOptionLabel } from '../compose/SimPicker'

export function DeviceCard({ device }: { device: Device }) {
  const connected = useApp(
    (s) =>
      s.status?.devices.find((d) => d.deviceId === device.id)?.connection.state === 'connected',
  )
  const { renameDevice, unpairDevice } = useActions()
  const now = useNow(30_000)
  const [editing, setEditing] = useState(false)
  const [name, setName] = useState(device.name)
  const [confirming, setConfirming] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const nameId = useId()

  const rename = (e: SubmitEvent) => {
    e.preventDefault()
    const trimmed = name.trim()
    if (trimmed.length === 0 || trimmed.length > 64) {
      setProblem('A name needs 1 to 64 characters.')
      return
    }
    renameDevice(device.id, trimmed).then(
      () => {
        setEditing(false)
        setProblem(null)
      },
      (err: unknown) => {
        setProblem(errorText(err))
      },
    )
  }
  const unpair = () => {
    setConfirming(false)
    unpairDevice(device.id).catch((err: unknown) => {
      setProblem(errorText(err))
    })
  }

  const unpaired = device.unpairedAt !== null
  return (
    <li className="device-card" data-device-id={device.id}>
      {editing ? (
        <form className="inline-form" onSubmit={rename}>
          <label htmlFor={nameId}>Name</label>
          <div className="inline-row">
            <input
              id={nameId}
              value={name}
              maxLength={64}
              data-autofocus
              onChange={(e) => {
                setName(e.target.value)
              }}
            />
            <button type="submit" className="button button-primary">
              Save
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setEditing(false)
                setName(device.name)
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <h3 className="device-card-name">
          <bdi>{device.name}</bdi>
          {device.model !== null && (
            <span className="muted">
              {' '}
              · <bdi>{device.model}</bdi>
            </span>
          )}
        </h3>
      )}
      <dl className="facts">
        <dt>Last seen</dt>
        <dd>
          {connected
            ? 'Connected now'
            : device.lastSeenAt === null
              ? 'Not yet'
              : formatAgo(device.lastSeenAt, now)}
        </dd>
        <dt>Paired</dt>
        <dd title={formatStamp(device.pairedAt)}>{formatAgo(device.pairedAt, now)}</dd>
        {unpaired && (
          <>
            <dt>Unpaired</dt>
            <dd>{formatAgo(device.unpairedAt, now)} · its texts stay in the archive</dd>
          </>
        )}
        <dt>SIMs</dt>
        <dd>
          {device.sims.length === 0
            ? 'Not reported'
            : device.sims.map((sim) => (
                <span key={sim.subId} className="sim-line">
                  <bdi>{simOptionLabel(sim)}</bdi>
                  {sim.number !== null && (
                    <span className="muted">
                      {' '}
                      <bdi>{sim.number}</bdi>
                    </span>
                  )}
                  {sim.isDefault && <span className="muted"> (default)</span>}
                </span>
              ))}
        </dd>
      </dl>
      {problem !== null && (
        <p className="form-message form-error" role="alert">
          {problem}
        </p>
      )}
      {!unpaired && !editing && (
        <div className="device-actions">
          <button
            type="button"
            className="button"
            onClick={() => {
              setEditing(true)
            }}
          >
            Rename
          </button>
          <button
            type="button"
            className="button button-danger"
            onClick={() => {
              setConfirming(true)
            }}
          >
            Unpair
          </button>
        </div>
      )}
      {confirming && (
        <ConfirmDialog
          title={`Unpair ${device.name}?`}
          confirmLabel="Unpair"
          danger
          onConfirm={unpair}
          onCancel={() => {
            setConfirming(false)
          }}
        >
          <p>
            This computer stops receiving and sending texts through this phone, and the phone
            forgets this computer. The texts already here stay in the archive. To use the phone
            again, pair it again.
          </p>
        </ConfirmDialog>
      )}
    </li>
  )
}
