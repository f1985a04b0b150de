// Test data builders (tests only; never imported by the product code).
import type { Status } from '../../shared/api/status'
import type {
  ArchivedMessage,
  Conversation,
  ConversationId,
  Device,
  MessageId,
} from '../../shared/model'

export const DEVICE_ID = '0123456789abcdef0123456789abcdef'
export const NOW = new Date(2025, 5, 18, 15, 30).getTime()

export function makeDevice(overrides: Partial<Device> = {}): Device {
  return {
    id: DEVICE_ID,
    name: 'Pixel 8',
    model: 'Pixel 8',
    region: 'GB',
    sims: [
      {
        subId: 1,
        slot: 0,
        label: 'Personal',
        carrier: 'Vodafone',
        number: '+447700900001',
        isDefault: true,
      },
      { subId: 2, slot: 1, label: 'Work', carrier: 'EE', number: null, isDefault: false },
    ],
    sending: { mms: true, group: true, mmsMaxBytes: 307_200 },
    pairedAt: NOW - 86_400_000 * 30,
    unpairedAt: null,
    lastSeenAt: NOW,
    ...overrides,
  }
}

export function makeMessage(
  id: MessageId,
  conversationId: ConversationId,
  overrides: Partial<ArchivedMessage> = {},
): ArchivedMessage {
  const outgoing = overrides.direction === 'outgoing'
  return {
    id,
    conversationId,
    deviceId: DEVICE_ID,
    phoneId: `sms:${id}`,
    imported: false,
    box: overrides.direction === 'outgoing' ? 'sent' : 'inbox',
    kind: 'sms',
    direction: 'incoming',
    sender: outgoing ? null : { key: '+447700900123', address: '07700 900123', name: 'Ada' },
    body: `Message ${id}`,
    date: NOW - 60_000 * (10_000 - id),
    dateSent: null,
    sim: { subId: 1, slot: 0, label: 'Personal', mmsMaxBytes: 307_200 },
    delivery: { state: outgoing ? 'delivered' : 'received', reason: null, outboxId: null },
    unread: false,
    attachments: [],
    ...overrides,
  }
}

export function makeConversation(
  id: ConversationId,
  overrides: Partial<Conversation> = {},
): Conversation {
  return {
    id,
    deviceId: DEVICE_ID,
    title: `Contact ${id}`,
    participants: [
      {
        key: `+4477009${String(id).padStart(5, '0')}`,
        address: `07700 9${id}`,
        name: `Contact ${id}`,
      },
    ],
    contactId: null,
    lastMessage: {
      id: id * 1000,
      snippet: `Last message in ${id}`,
      date: NOW - id * 3_600_000,
      direction: 'incoming',
      delivery: 'received',
      attachmentCount: 0,
    },
    unreadCount: 0,
    messageCount: 10,
    sim: { subId: 1, slot: 0, label: 'Personal', mmsMaxBytes: 307_200 },
    ...overrides,
  }
}

export function makeStatus(overrides: Partial<Status> = {}): Status {
  return {
    devices: [
      {
        deviceId: DEVICE_ID,
        name: 'Pixel 8',
        connection: { state: 'connected' },
        diagnostics: {
          seenOnNetwork: true,
          address: '192.168.1.20',
          lastFailure: null,
          lastConnectedAt: NOW,
        },
      },
    ],
    outbox: { queued: 0, dispatching: 0, failed: 0, unknown: 0 },
    ...overrides,
  }
}
