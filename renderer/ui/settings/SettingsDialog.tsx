// Settings: the paired phones, a way to pair another, the archive's own controls, and the facts
// about this installation.
import { useActions, useApp } from '../../store/context'
import { Dialog } from '../common/Dialog'
import { DataSection } from './DataSection'
import { DeviceCard } from './DeviceCard'

export function SettingsDialog() {
  const devices = useApp((s) => s.devices)
  const info = useApp((s) => s.info)
  const { openOverlay } = useActions()
  const close = () => {
    openOverlay('none')
  }
  const paired = devices.filter((d) => d.unpairedAt === null)
  const former = devices.filter((d) => d.unpairedAt !== null)
  return (
    <Dialog title="Settings" onClose={close} wide>
      <div className="dialog-body settings">
        <section aria-labelledby="settings-phones">
          <h3 id="settings-phones" className="section-title">
            Paired phones
          </h3>
          {paired.length === 0 ? (
            <p className="muted">No phone is paired.</p>
          ) : (
            <ul className="device-cards">
              {paired.map((d) => (
                <DeviceCard key={d.id} device={d} />
              ))}
            </ul>
          )}
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              openOverlay('pairing')
            }}
          >
            Pair another phone
          </button>
        </section>
        {former.length > 0 && (
          <section aria-labelledby="settings-former">
            <h3 id="settings-former" className="section-title">
              Previously paired
            </h3>
            <ul className="device-cards">
              {former.map((d) => (
                <DeviceCard key={d.id} device={d} />
              ))}
            </ul>
          </section>
        )}
        <DataSection />
        {info !== null && (
          <section aria-labelledby="settings-about">
            <h3 id="settings-about" className="section-title">
              About
            </h3>
            <p className="muted">
              Textbridge {info.version}
              {info.demo && ' · demo'} ·{' '}
              {info.keyProtection === 'os-keychain'
                ? 'pairing keys protected by the system keychain'
                : 'pairing keys stored in a plain file'}
            </p>
          </section>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={close}>
          Done
        </button>
      </div>
    </Dialog>
  )
}
