// The link to the core, the app's facts (demo, key storage), each phone's connection state and
// the paired phones themselves.
import type { AppInfo } from '../../shared/api/contract'
import type { Status } from '../../shared/api/status'
import type { Device, DeviceId } from '../../shared/model'
import { errorText } from '../api/facade'
import type { LinkState } from '../api/transport'
import type { SliceCreator, StoreDeps } from './types'

export interface StatusSlice {
  readonly link: LinkState
  readonly info: AppInfo | null
  readonly status: Status | null
  readonly devices: readonly Device[]
  /** False until the first devices.list answer: the window cannot tell "no phone" before it. */
  readonly devicesLoaded: boolean
  readonly setLink: (link: LinkState) => void
  readonly setStatus: (status: Status) => void
  readonly loadInfo: () => Promise<void>
  readonly loadStatus: () => Promise<void>
  readonly loadDevices: () => Promise<void>
  /** These three throw ApiError so the form that asked can show the reason beside itself. */
  readonly renameDevice: (deviceId: DeviceId, name: string) => Promise<void>
  readonly unpairDevice: (deviceId: DeviceId) => Promise<void>
  readonly connectDevice: (deviceId: DeviceId, host: string, port: number) => Promise<void>
}

export const createStatusSlice =
  ({ api }: StoreDeps): SliceCreator<StatusSlice> =>
  (set, get) => {
    const replaceDevice = (device: Device) => {
      set({ devices: get().devices.map((d) => (d.id === device.id ? device : d)) })
    }
    // Background loads have no form to report to: a notice says what failed.
    const background = async (what: string, load: () => Promise<void>) => {
      try {
        await load()
      } catch (e) {
        get().notify(`Couldn't load ${what}: ${errorText(e)}`)
      }
    }
    return {
      link: { state: 'connecting' },
      info: null,
      status: null,
      devices: [],
      devicesLoaded: false,
      setLink: (link) => {
        set({ link })
      },
      setStatus: (status) => {
        set({ status })
      },
      loadInfo: () =>
        background('app details', async () => {
          set({ info: await api.app.info() })
        }),
      loadStatus: () =>
        background('phone status', async () => {
          set({ status: await api.status.get() })
        }),
      loadDevices: () =>
        background('paired phones', async () => {
          set({ devices: await api.devices.list(), devicesLoaded: true })
        }),
      renameDevice: async (deviceId, name) => {
        replaceDevice(await api.devices.rename({ deviceId, name }))
      },
      unpairDevice: async (deviceId) => {
        replaceDevice(await api.devices.unpair({ deviceId }))
      },
      connectDevice: async (deviceId, host, port) => {
        await api.devices.connectTo({ deviceId, host, port })
      },
    }
  }

/** Phones whose pairing is still in force (unpaired ones keep their archive but are not live). */
export const pairedDevices = (devices: readonly Device[]): readonly Device[] =>
  devices.filter((d) => d.unpairedAt === null)
