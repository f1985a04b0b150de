// What a phone can send, read from the capabilities of its last hello (PROTOCOL.md §9.1).
import type { DeviceSending, SimInfo } from '../../../../shared/model/device'
import { mmsLimitFor } from '../../../../shared/api/compose'

export function sendingOf(
  capabilities: readonly string[],
  sims: readonly SimInfo[],
): DeviceSending {
  const mms = capabilities.includes('send.mms')
  return {
    mms,
    // send.group without send.mms is a phone from before MMS sending: it texts each recipient
    // separately, which scatters the replies. That is not a group message, so it is not offered.
    group: mms && capabilities.includes('send.group'),
    mmsMaxBytes: mmsLimitFor(sims, null, null),
  }
}
