// The pairing screen's view of the desktop's pairing state machine.
export type PairingFailure =
  | 'rejected_on_phone'
  | 'confirm_timeout'
  | 'handshake_failed'
  | 'unreachable'
  | 'refused'
  | 'key_mismatch'
  | 'disconnected'

export type PairingView =
  | { readonly step: 'idle' }
  | { readonly step: 'showing_qr'; readonly uri: string; readonly expiresAt: number }
  | { readonly step: 'connecting'; readonly address: string }
  | { readonly step: 'confirm'; readonly sas: string; readonly phoneName: string }
  | { readonly step: 'paired'; readonly deviceId: string; readonly phoneName: string }
  | { readonly step: 'failed'; readonly reason: PairingFailure; readonly detail: string | null }
