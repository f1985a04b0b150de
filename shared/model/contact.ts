import type { DeviceId } from './ids'

export type ContactNumberType = 'mobile' | 'home' | 'work' | 'other'

export interface ContactNumber {
  /** As the phone's address book stores it. */
  readonly raw: string
  /** The normalised key conversations are grouped by (E.164 when it is a phone number). */
  readonly key: string
  readonly type: ContactNumberType
  readonly label: string | null
}

export interface ContactSummary {
  readonly deviceId: DeviceId
  /** The phone's contact id (PROTOCOL.md §9.8). */
  readonly id: string
  readonly name: string
  readonly numbers: readonly ContactNumber[]
  readonly hasPhoto: boolean
}
