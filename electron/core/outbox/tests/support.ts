// Helpers shared by the outbox tests: an archive with one phone, the phone's send.status
// bodies, and a text enqueued to it.
import type { BodyOf } from '../../../../shared/protocol/messages/catalogue'
import type { Archive } from '../../store/archive'
import type { TestClock } from '../../store/tests/support'
import { DEVICE_A, T0, addDevice, openTestArchive } from '../../store/tests/support'

export function setup(): { archive: Archive; clock: TestClock } {
  const { archive, clock } = openTestArchive()
  addDevice(archive)
  return { archive, clock }
}

export function status(
  key: string,
  state: BodyOf<'send.status'>['state'],
  extra: Partial<BodyOf<'send.status'>> = {},
): BodyOf<'send.status'> {
  return {
    key,
    state,
    messageId: null,
    at: T0,
    ...(state === 'failed' ? { reason: 'no_service' as const } : {}),
    ...extra,
  }
}

export const enqueue = (archive: Archive, body = 'On my way', to = ['07700 900123']) =>
  archive.outbox.enqueue({ deviceId: DEVICE_A, to, body, subId: 1 })
