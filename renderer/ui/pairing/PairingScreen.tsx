// Pairing, step by step as the core's state machine moves: a QR with a countdown (the core
// rotates it; a `pairing` event redraws it), a typed-address fallback, the short code to compare
// with the phone, then success or a failure in words with "Try again".
import { useEffect } from 'react'
import type { PairingView } from '../../../shared/api/pairing'
import { formatCountdown } from '../../lib/time'
import { formatSas, pairingFailureText } from '../../lib/words'
import { useActions, useApp } from '../../store/context'
import { pairedDevices } from '../../store/status-slice'
import { useNow } from '../common/use-now'
import { AddressForm } from './AddressForm'
import { DemoPhonePanel } from './DemoPhonePanel'
import { QrCode } from './QrCode'

export function PairingScreen() {
  const pairing = useApp((s) => s.pairing)
  const error = useApp((s) => s.pairingError)
  const demo = useApp((s) => s.info?.demo === true)
  const canClose = useApp((s) => pairedDevices(s.devices).length > 0)
  const { startPairing, cancelPairing, openOverlay } = useActions()

  useEffect(() => {
    if (pairing.step === 'idle') void startPairing()
    // Only on arrival: later steps are driven by the core's events.
  }, [])

  const close = () => {
    if (pairing.step !== 'paired' && pairing.step !== 'idle') void cancelPairing()
    openOverlay('none')
  }

  return (
    <main className="pairing-page">
      <div className="pairing-card">
        <header className="pairing-header">
          <h1>{pairing.step === 'paired' ? 'Paired' : 'Pair your phone'}</h1>
          {canClose && (
            <button
              type="button"
              className="icon-button"
              aria-label="Close pairing"
              onClick={close}
            >
              ×
            </button>
          )}
        </header>
        <div className="pairing-body">
          <PairingStep view={pairing} />
          {error !== null && (
            <p className="form-message form-error" role="alert">
              {error}
            </p>
          )}
        </div>
      </div>
      {demo && <DemoPhonePanel view={pairing} />}
    </main>
  )
}

function PairingStep({ view }: { view: PairingView }) {
  const { startPairing, cancelPairing, openOverlay } = useActions()
  switch (view.step) {
    case 'idle':
      return (
        <div className="pairing-step" role="status">
          <span className="spinner" aria-hidden="true" /> Preparing a pairing code…
        </div>
      )
    case 'showing_qr':
      return <ShowQr uri={view.uri} expiresAt={view.expiresAt} />
    case 'connecting':
      return (
        <div className="pairing-step" role="status">
          <p>
            <span className="spinner" aria-hidden="true" /> Connecting to{' '}
            <bdi className="strong">{view.address}</bdi>…
          </p>
          <button type="button" className="button" onClick={() => void cancelPairing()}>
            Cancel
          </button>
        </div>
      )
    case 'confirm':
      return (
        <div className="pairing-step" role="status">
          <p>
            Check that <bdi className="strong">{view.phoneName}</bdi> shows this code, then tap
            <strong> Confirm</strong> on your phone.
          </p>
          <p
            className="sas"
            data-sas={view.sas}
            aria-label={`Code ${view.sas.split('').join(' ')}`}
          >
            {formatSas(view.sas)}
          </p>
          <p className="muted">If the codes differ, cancel: something else may be answering.</p>
          <button type="button" className="button" onClick={() => void cancelPairing()}>
            Cancel
          </button>
        </div>
      )
    case 'paired':
      return (
        <div className="pairing-step pairing-done" role="status">
          <p className="big-check" aria-hidden="true">
            ✓
          </p>
          <p>
            <bdi className="strong">{view.phoneName}</bdi> is paired. Your texts are on their way.
          </p>
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              openOverlay('none')
            }}
          >
            Start texting
          </button>
        </div>
      )
    case 'failed':
      return (
        <div className="pairing-step" role="alert" data-failure={view.reason}>
          <p className="strong">Pairing didn’t work.</p>
          <p>{pairingFailureText(view.reason)}</p>
          {view.detail !== null && <p className="muted">{view.detail}</p>}
          <button
            type="button"
            className="button button-primary"
            onClick={() => void startPairing()}
          >
            Try again
          </button>
        </div>
      )
  }
}

function ShowQr({ uri, expiresAt }: { uri: string; expiresAt: number }) {
  const now = useNow(500)
  const left = expiresAt - now
  return (
    <div className="pairing-qr-step">
      <div className="qr-frame" data-pairing-uri={uri}>
        <QrCode uri={uri} />
        <p className="qr-countdown" aria-live="off">
          {left > 0 ? `New code in ${formatCountdown(left)}` : 'Getting a new code…'}
        </p>
      </div>
      <div className="pairing-instructions">
        <ol>
          <li>Open Textbridge on your phone.</li>
          <li>
            Tap <strong>Pair</strong>.
          </li>
          <li>Point the camera at this code.</li>
        </ol>
        <p className="muted">
          The phone and this computer must be on the same Wi-Fi. Nothing goes through the cloud.
        </p>
        <p className="muted" data-testid="rcs-limit">
          Textbridge mirrors texts (SMS) and picture and group messages (MMS). Chats sent with chat
          features (RCS) in Google Messages and similar apps stay inside those apps, so they are not
          mirrored: in Google Messages, the box where you type says “RCS message” for a chat and
          “Text message” for a text.
        </p>
        <AddressForm />
      </div>
    </div>
  )
}
