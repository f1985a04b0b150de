// The `messages.send` use case: whom it goes to, whether this phone can send it, whether it fits
// the SIM's MMS limit, and the human-paced guard, before anything is written. Refusing here, in
// words the window can show, is the only honest place: a text the phone refuses has already
// left the desktop, and an older phone would not refuse but misread it (PROTOCOL.md §9.9).
import type { ParsedArgsOf } from '../../../shared/api/contract'
import { estimateMmsBytes, formatBytes, mmsLimitFor } from '../../../shared/api/compose'
import { ApiError } from '../../../shared/api/result'
import { utf8 } from '../../../shared/bytes'
import type { ArchivedMessage } from '../../../shared/model/message'
import type { Device } from '../../../shared/model/device'
import type { RemoteArchive } from '../archive/surface'
import type { ComposeStaging } from '../compose/staging'
import type { Phones } from '../phones/phones'
import type { SendGuard } from './send-guard'

/** PROTOCOL.md §9.9: a group message goes to at most 20 people. */
const MAX_GROUP = 20

interface Target {
  readonly device: Device
  readonly to: readonly string[]
  /** The conversation it goes to, when it exists already (a reply). */
  readonly conversation: { readonly subId: number | null } | null
}

export async function sendMessage(
  a: ParsedArgsOf<'messages.send'>,
  deps: {
    readonly archive: RemoteArchive
    readonly phones: Phones
    readonly guard: SendGuard
    readonly staging: ComposeStaging
  },
): Promise<ArchivedMessage> {
  const { archive, phones, guard, staging } = deps
  const target = await targetOf(archive, a.to)
  const { device, to } = target
  if (device.unpairedAt !== null)
    throw new ApiError('not_available', 'That phone is no longer paired.')
  const stageIds = a.attachments ?? []
  const files = staging.take(stageIds)
  checkCapable(device, to.length, files.length)
  if (files.length > 0 || to.length > 1) {
    const limit = mmsLimitFor(device.sims, a.subId, target.conversation?.subId ?? null)
    const size = estimateMmsBytes({
      bodyBytes: utf8(a.body).length,
      attachmentSizes: files.map((f) => f.bytes.length),
      recipients: to.length,
    })
    if (size > limit) {
      throw new ApiError(
        'invalid_argument',
        `This message is about ${formatBytes(size)}, but the phone’s carrier takes at most ` +
          `${formatBytes(limit)} in one picture message. Make the pictures smaller or send fewer.`,
      )
    }
  }
  await guard.check({
    existingConversation: target.conversation !== null,
    addresses: to,
    phone: device.name,
  })
  const { message } = await archive.outbox.enqueue({
    deviceId: device.id,
    to,
    body: a.body,
    subId: a.subId,
    attachments: files.map((f) => ({ mime: f.mime, name: f.name, bytes: f.bytes })),
  })
  staging.release(stageIds)
  phones.get(device.id)?.kickOutbox()
  phones.statusChanged()
  return message
}

async function targetOf(
  archive: RemoteArchive,
  to: ParsedArgsOf<'messages.send'>['to'],
): Promise<Target> {
  if ('conversationId' in to) {
    const conversation = await archive.conversations.get(to.conversationId)
    return {
      device: await archive.devices.get(conversation.deviceId),
      to: conversation.participants.map((p) => p.address),
      conversation: { subId: conversation.sim?.subId ?? null },
    }
  }
  const device = await archive.devices.get(to.deviceId)
  const existing = await archive.conversations.find(to.deviceId, to.addresses)
  if (existing === null) return { device, to: to.addresses, conversation: null }
  const conversation = await archive.conversations.get(existing)
  return { device, to: to.addresses, conversation: { subId: conversation.sim?.subId ?? null } }
}

/** What the phone's last hello said it can send (Device.sending). */
function checkCapable(device: Device, recipients: number, files: number): void {
  if (recipients > MAX_GROUP) {
    throw new ApiError(
      'invalid_argument',
      `A group message goes to at most ${MAX_GROUP} people; this one has ${recipients}.`,
    )
  }
  if (recipients > 1 && !device.sending.group) {
    throw new ApiError(
      'not_available',
      `${device.name} can’t send group messages from Textbridge, only a separate text to each ` +
        'person. Update Textbridge on the phone to send one message to the whole group.',
    )
  }
  if (files > 0 && !device.sending.mms) {
    throw new ApiError(
      'not_available',
      `${device.name} can’t send pictures or files from Textbridge. Update Textbridge on the ` +
        'phone to send them.',
    )
  }
}
