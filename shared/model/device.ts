import type { SimInfo } from '../protocol/messages/catalogue'
import type { DeviceId } from './ids'

/** A SIM as the phone describes it; the window shows and picks SIMs by this. */
export type { SimInfo }

/** A paired (or formerly paired) phone. The pinned public key is not part of the view model. */
export interface Device {
  readonly id: DeviceId
  readonly name: string
  readonly model: string | null
  /** ISO 3166-1 alpha-2 region used to read national-format numbers, or null if unknown. */
  readonly region: string | null
  readonly sims: readonly SimInfo[]
  readonly pairedAt: number
  /** Set when the pairing ended; the archive is kept until the user deletes it. */
  readonly unpairedAt: number | null
  readonly lastSeenAt: number | null
}

/** The SIM a message used, resolved against the device's SIM list when it is known. */
export interface SimRef {
  readonly subId: number
  readonly slot: number | null
  readonly label: string | null
}
