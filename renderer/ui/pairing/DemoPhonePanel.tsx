// Demo mode only: a stand-in for the phone, clearly labelled, so someone trying Textbridge
// without a phone walks through the same pairing flow a real phone would drive.
import type { PairingView } from '../../../shared/api/pairing'
import { formatSas } from '../../lib/words'
import { useActions } from '../../store/context'

export function DemoPhonePanel({ view }: { view: PairingView }) {
  const { demoScan } = useActions()
  return (
    <aside className="demo-phone" aria-label="Demo phone">
      <p className="demo-label">Demo phone</p>
      <div className="demo-screen">
        {view.step === 'showing_qr' ? (
          <>
            <p>This simulated phone stands in for yours. Scan the code the way your phone would:</p>
            <button
              type="button"
              className="button button-primary"
              onClick={() => void demoScan(view.uri)}
            >
              Scan with the demo phone
            </button>
          </>
        ) : view.step === 'confirm' ? (
          <p>
            The demo phone shows <span className="strong">{formatSas(view.sas)}</span> and confirms
            it for you.
          </p>
        ) : view.step === 'paired' ? (
          <p>Paired. The demo phone is sending its sample texts.</p>
        ) : (
          <p>Waiting for a pairing code…</p>
        )}
      </div>
    </aside>
  )
}
