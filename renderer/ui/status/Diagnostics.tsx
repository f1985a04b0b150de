// "Why can't it find my phone?": a short checklist built from the core's diagnostics, with the
// fallback that always works when discovery does not: typing the phone's address.
import { useId, useState, type SubmitEvent } from 'react'
import type { DeviceStatus } from '../../../shared/api/status'
import { errorText } from '../../api/facade'
import { parseHostPort } from '../../lib/address'
import { formatAgo } from '../../lib/time'
import { connectionFailureText } from '../../lib/words'
import { useActions } from '../../store/context'
import { Dialog } from '../common/Dialog'

export function DiagnosticsDialog(props: {
  device: DeviceStatus
  now: number
  onClose: () => void
}) {
  const { device, now } = props
  const d = device.diagnostics
  return (
    <Dialog title={`Can’t reach ${device.name}`} onClose={props.onClose}>
      <div className="dialog-body">
        {d.lastFailure !== null && (
          <p>
            {connectionFailureText(d.lastFailure.code)}{' '}
            <span className="muted">({formatAgo(d.lastFailure.at, now)})</span>
          </p>
        )}
        <p className="muted">
          {d.lastConnectedAt === null
            ? 'Never connected since pairing.'
            : `Last connected ${formatAgo(d.lastConnectedAt, now)}.`}
        </p>
        <ol className="checklist">
          <li className={d.seenOnNetwork ? 'check-ok' : 'check-todo'}>
            <strong>Same Wi-Fi.</strong>{' '}
            {d.seenOnNetwork
              ? 'The phone was seen on this network recently.'
              : 'The phone hasn’t been seen on this network. Put the phone and this computer on the same Wi-Fi (guest networks usually keep devices apart).'}
          </li>
          <li className="check-todo">
            <strong>Textbridge running on the phone.</strong> Open it; its notification should say
            it’s ready.
          </li>
          <li className="check-todo">
            <strong>Battery optimisation.</strong> Android may stop Textbridge in the background. On
            the phone: Settings › Apps › Textbridge › Battery › Unrestricted.
          </li>
          <li className="check-todo">
            <strong>Firewall.</strong> Allow Textbridge through this computer’s firewall. Some
            routers block devices from reaching each other (client isolation).
          </li>
          <li className="check-todo">
            <strong>Connect by address.</strong> If the phone shows its address, type it here.
            <ConnectByAddress deviceId={device.deviceId} known={d.address} />
          </li>
        </ol>
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={props.onClose}>
          Close
        </button>
      </div>
    </Dialog>
  )
}

function ConnectByAddress(props: { deviceId: string; known: string | null }) {
  const { connectDevice } = useActions()
  const [text, setText] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const inputId = useId()
  const submit = (e: SubmitEvent) => {
    e.preventDefault()
    const target = parseHostPort(text)
    if (target === null) {
      setMessage('Type an address like 192.168.1.20 or 192.168.1.20:47800.')
      return
    }
    setMessage('Connecting…')
    connectDevice(props.deviceId, target.host, target.port).then(
      () => {
        setMessage('Trying that address now.')
      },
      (e: unknown) => {
        setMessage(errorText(e))
      },
    )
  }
  return (
    <form className="inline-form" onSubmit={submit}>
      <label htmlFor={inputId} className="visually-hidden">
        Phone address
      </label>
      <input
        id={inputId}
        value={text}
        placeholder={props.known ?? '192.168.1.20'}
        onChange={(e) => {
          setText(e.target.value)
        }}
      />
      <button type="submit" className="button button-small">
        Connect
      </button>
      {message !== null && (
        <p className="form-message" role="status">
          {message}
        </p>
      )}
    </form>
  )
}
