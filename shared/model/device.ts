import type { SimInfo } from '../protocol/messages/catalogue'
import type { DeviceId } from './ids'

/** A SIM as the phone describes it; the window shows and picks SIMs by this. */
export type { SimInfo }

/**
 * What the phone can send besides one-to-one texts, from the capabilities of its last `hello`
 * (PROTOCOL.md §9.1). The window offers only what is true here, and the core refuses the rest.
 */
export interface DeviceSending {
  /** Pictures and files (MMS): the phone listed `send.mms`. */
  readonly mms: boolean
  /**
   * One group message to several people: `send.group` together with `send.mms`. A phone that
   * lists `send.group` alone sends each person a separate text, which is not a group message,
   * so such a phone counts as unable.
   */
  readonly group: boolean
  /** The largest MMS the default SIM sends, in bytes (300 KiB when the phone does not say). */
  readonly mmsMaxBytes: number
}

/** A paired (or formerly paired) phone. The pinned public key is not part of the view model. */
export interface Device {
  readonly id: DeviceId
  readonly name: string
  readonly model: string | null
  /** ISO 3166-1 alpha-2 region used to read national-format numbers, or null if unknown. */
  readonly region: string | null
  readonly sims: readonly SimInfo[]
  readonly sending: DeviceSending
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
  /** The largest MMS this SIM sends, in bytes (300 KiB when the phone does not say). */
  readonly mmsMaxBytes: number
}
