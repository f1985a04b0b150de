// The phone-facing use cases: app and connection status, pairing, paired phones, and the two
// things only the host can do (open a link, hand the QR to the demo phone).
import type { AppInfo } from '../../../shared/api/contract'
import { ApiError } from '../../../shared/api/result'
import type { ApiHandlers } from './handlers'
import type { PairingFlow } from '../pairing/pairing-flow'
import type { RemoteArchive } from '../archive/surface'
import type { Phones } from '../phones/phones'
import type { Settings } from '../settings'

type PhoneHandlers = Pick<
  ApiHandlers,
  | 'app.info'
  | 'status.get'
  | 'pairing.get'
  | 'pairing.start'
  | 'pairing.cancel'
  | 'pairing.connectTo'
  | 'devices.list'
  | 'devices.rename'
  | 'devices.unpair'
  | 'devices.connectTo'
  | 'links.open'
  | 'demo.scanQr'
>

/** What is being saved, so the dialog can say so. */
export type SavePurpose = 'export' | 'attachment'

export interface HostHooks {
  readonly openLink: ((url: string) => Promise<boolean>) | null
  readonly demoScan: ((uri: string) => void) | null
  /** Electron's native save dialog for exports (answers null when the user cancels). */
  readonly chooseSavePath?:
    ((suggestedName: string, purpose: SavePurpose) => Promise<string | null>) | null
}

export function phoneHandlers(
  info: AppInfo,
  archive: RemoteArchive,
  phones: Phones,
  pairing: PairingFlow,
  settings: Settings,
  hooks: HostHooks,
): PhoneHandlers {
  const connection = (deviceId: string) => {
    const found = phones.get(deviceId)
    if (found === undefined) throw new ApiError('not_available', 'That phone is not paired.')
    return found
  }
  return {
    'app.info': () => ok(info),
    'status.get': () => phones.status(),
    'pairing.get': () => ok(pairing.state),
    'pairing.start': () => {
      pairing.start()
      return ok(pairing.state)
    },
    'pairing.cancel': () => {
      pairing.cancel()
      return ok(pairing.state)
    },
    'pairing.connectTo': (a) => {
      pairing.connectTo(a.host, a.port)
      return ok(pairing.state)
    },
    'devices.list': () => archive.devices.list(),
    'devices.rename': async (a) => {
      settings.setName(a.deviceId, a.name)
      const device = await archive.devices.get(a.deviceId)
      const renamed = await archive.devices.updateInfo(a.deviceId, {
        name: a.name,
        model: device.model,
        sims: device.sims,
      })
      connection(a.deviceId).rename(a.name)
      phones.statusChanged()
      return renamed
    },
    'devices.unpair': async (a) => {
      await phones.unpair(a.deviceId)
      return archive.devices.get(a.deviceId)
    },
    'devices.connectTo': (a) => {
      connection(a.deviceId).connectTo(a.host, a.port)
      return ok(null)
    },
    'links.open': async (a) => {
      if (hooks.openLink === null)
        throw new ApiError('not_available', 'Links open in the browser in web mode.')
      return hooks.openLink(a.url)
    },
    'demo.scanQr': (a) => {
      if (hooks.demoScan === null) throw new ApiError('not_available', 'There is no demo phone.')
      try {
        hooks.demoScan(a.uri)
      } catch {
        throw new ApiError('invalid_argument', 'The demo phone could not read that code.')
      }
      return ok(null)
    },
  }
}

function ok<T>(value: T): Promise<T> {
  return Promise.resolve(value)
}
