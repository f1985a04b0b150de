// What this desktop lists in its hello (PROTOCOL.md §9.1). A phone uses what a capability adds
// only with a desktop that listed it: `send.mms` lets it report the MMS failure reasons of
// send.status (mms_too_large, mms_unsupported, attachment_missing), `send.waiting` the state in
// which it asks its user before sending. The desktop's own use of the phone's `send.mms` and
// `send.group` is decided from the phone's hello (outbox/dispatcher.ts, store/devices/sending.ts).
export const DESKTOP_CAPABILITIES: readonly string[] = [
  'sync',
  'send',
  'contacts',
  'mms.fetch',
  'send.mms',
  'send.waiting',
]
