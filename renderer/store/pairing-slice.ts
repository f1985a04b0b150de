// The pairing screen's state: the core's pairing state machine (pushed on every step, including
// each QR rotation) and whatever the last button press failed with.
import type { PairingView } from '../../shared/api/pairing'
import { errorText } from '../api/facade'
import type { SliceCreator, StoreDeps } from './types'

export interface PairingSlice {
  readonly pairing: PairingView
  /** Why the last pairing action could not even start (the core answered with an error). */
  readonly pairingError: string | null
  readonly setPairing: (view: PairingView) => void
  readonly loadPairing: () => Promise<void>
  readonly startPairing: () => Promise<void>
  readonly cancelPairing: () => Promise<void>
  readonly pairByAddress: (host: string, port: number) => Promise<void>
  /** Demo only: hand the QR on screen to the built-in demo phone. */
  readonly demoScan: (uri: string) => Promise<void>
}

export const createPairingSlice =
  ({ api }: StoreDeps): SliceCreator<PairingSlice> =>
  (set) => {
    const act = async (action: () => Promise<PairingView | null>) => {
      set({ pairingError: null })
      try {
        const view = await action()
        if (view !== null) set({ pairing: view })
      } catch (e) {
        set({ pairingError: errorText(e) })
      }
    }
    return {
      pairing: { step: 'idle' },
      pairingError: null,
      setPairing: (pairing) => {
        set({ pairing })
      },
      loadPairing: () => act(() => api.pairing.get()),
      startPairing: () => act(() => api.pairing.start()),
      cancelPairing: () => act(() => api.pairing.cancel()),
      pairByAddress: (host, port) => act(() => api.pairing.connectTo({ host, port })),
      demoScan: (uri) =>
        act(async () => {
          await api.demo.scanQr({ uri })
          return null
        }),
    }
  }
