// What the core's codes mean, in words a person can act on. Kept together so the wording stays
// consistent across bubbles, banners and the pairing screen.
import type { PairingFailure } from '../../shared/api/pairing'
import type { FailureCode, SyncPhase } from '../../shared/api/status'
import type { SendFailureReason } from '../../shared/model'

export function sendFailureText(reason: SendFailureReason | null): string {
  switch (reason) {
    case null:
      return "The phone couldn't send it and didn't say why."
    case 'generic_failure':
      return "The phone couldn't send it."
    case 'radio_off':
      return 'The phone’s mobile network is off (airplane mode?).'
    case 'no_service':
      return 'The phone has no mobile service.'
    case 'null_pdu':
      return "The phone couldn't encode this text."
    case 'limit_exceeded':
      return 'Android’s limit on texts sent by apps was reached. Allow more on the phone, then retry.'
    case 'no_permission':
      return 'Textbridge on the phone isn’t allowed to send texts. Grant the SMS permission.'
    case 'invalid_address':
      return 'The phone says this number can’t receive texts.'
    case 'sim_unavailable':
      return 'The chosen SIM isn’t available on the phone.'
    case 'group_unsupported':
      return 'This phone can’t send group texts.'
    case 'body_too_long':
      return 'The text is too long for the phone to send.'
    case 'short_code_blocked':
      return 'The phone blocked a text to a short (possibly premium) number.'
    case 'mms_too_large':
      return 'The message is larger than the phone’s carrier accepts. Try a smaller picture.'
    case 'mms_unsupported':
      return 'The phone can’t send picture or group messages right now. Is mobile data on?'
    case 'attachment_missing':
      return 'The phone didn’t receive the whole attachment. Retry to send it again.'
  }
}

export function pairingFailureText(reason: PairingFailure): string {
  switch (reason) {
    case 'rejected_on_phone':
      return 'Pairing was declined on the phone.'
    case 'confirm_timeout':
      return 'The code wasn’t confirmed on the phone in time.'
    case 'handshake_failed':
      return 'The phone and this computer couldn’t set up a secure connection. The code may have expired or been used already.'
    case 'unreachable':
      return 'This computer couldn’t reach the phone. Check that both are on the same Wi-Fi.'
    case 'refused':
      return 'The phone refused the connection. Check that Textbridge is open on the phone.'
    case 'key_mismatch':
      return 'The phone’s security key doesn’t match the one this computer knows. If you reinstalled Textbridge on the phone, unpair it here first.'
    case 'disconnected':
      return 'The connection dropped during pairing.'
  }
}

export function connectionFailureText(code: FailureCode): string {
  switch (code) {
    case 'not_seen':
      return 'The phone hasn’t been seen on this network.'
    case 'unreachable':
      return 'The phone’s address didn’t answer.'
    case 'timeout':
      return 'The phone didn’t answer in time.'
    case 'refused':
      return 'The phone refused the connection.'
    case 'handshake_failed':
      return 'The secure connection couldn’t be set up.'
    case 'unknown_desktop':
      return 'The phone doesn’t know this computer any more (it may have been unpaired on the phone).'
    case 'disconnected':
      return 'The connection dropped.'
  }
}

export function syncPhaseText(phase: SyncPhase): string {
  switch (phase) {
    case 'catch-up':
      return 'Catching up'
    case 'conversations':
      return 'Listing conversations'
    case 'recent':
      return 'Loading recent messages'
    case 'history':
      return 'Loading older messages'
    case 'indexing':
      return 'Preparing search'
    case 'contacts':
      return 'Loading contacts'
  }
}

/** "123 456": a six-digit code is easier to compare in two halves. */
export function formatSas(sas: string): string {
  return /^\d{6}$/.test(sas) ? `${sas.slice(0, 3)} ${sas.slice(3)}` : sas
}

const countFormat = new Intl.NumberFormat()
export function formatCount(n: number): string {
  return countFormat.format(n)
}

export function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`
}
