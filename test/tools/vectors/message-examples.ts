// One realistic example of every message type, as the spec shows them. The vectors carry their
// exact JSON text; both implementations must parse each to the same value.
import { message, type Message, type Role, type SmsMessage } from '../../../shared/protocol'

export const SAMPLE_SMS: SmsMessage = {
  id: 'sms:4711',
  kind: 'sms',
  threadId: 12,
  box: 'inbox',
  addresses: ['+447700900123'],
  sender: '+447700900123',
  date: 1700000000000,
  dateSent: 1699999998000,
  body: 'See you at 6 🙂 — café?',
  read: false,
  status: 'none',
  subId: 1,
  parts: [],
  sendKey: null,
}

const SAMPLE_MMS: SmsMessage = {
  ...SAMPLE_SMS,
  id: 'mms:88',
  kind: 'mms',
  box: 'sent',
  addresses: ['+447700900123', '+447700900456'],
  sender: null,
  dateSent: null,
  body: 'Photos from Saturday',
  read: true,
  parts: [{ partId: 'mms:88:2', mime: 'image/jpeg', size: 40213, name: 'IMG_0042.jpg' }],
  sendKey: '0f5c2a4e-8b1d-4c55-9e7e-3a2b1c0d9e8f',
}

const UPLOAD_ID = 'f3a9c1e7-2b4d-4e6f-8a0b-9c8d7e6f5a4b'
const UPLOAD_ID_2 = 'Q2xvdWRzX2F0X2R1c2s'
const UPLOAD_ID_3 = '4d1c7b0e9f2a6358_x'

export interface Example {
  readonly receiver: Role
  readonly message: Message
}

const toPhone = (m: Message): Example => ({ receiver: 'phone', message: m })
const toDesktop = (m: Message): Example => ({ receiver: 'desktop', message: m })

export const MESSAGE_EXAMPLES: readonly Example[] = [
  toDesktop(
    message('hello', {
      role: 'phone',
      app: 'textbridge-companion',
      appVersion: '1.0.0',
      protocol: 1,
      capabilities: ['sync', 'send', 'contacts', 'mms.fetch'],
      device: { name: 'Pixel 8', model: 'Google Pixel 8', region: 'GB' },
      sims: [
        { subId: 1, slot: 0, label: 'Work', carrier: 'Vodafone', number: null, isDefault: true },
        {
          subId: 2,
          slot: 1,
          label: 'Personal',
          carrier: 'EE',
          number: '+447700900999',
          isDefault: false,
        },
      ],
    }),
  ),
  toPhone(
    message('hello', {
      role: 'desktop',
      app: 'textbridge-desktop',
      appVersion: '0.1.0',
      protocol: 1,
      capabilities: ['sync', 'send'],
      device: { name: 'Ada’s laptop' },
    }),
  ),
  toDesktop(message('pair.result', { accepted: true })),
  toDesktop(message('pair.result', { accepted: false, reason: 'user_rejected' })),
  toPhone(message('sync.subscribe', { watermark: 'j:1042' }, { id: 's1' })),
  toPhone(message('sync.subscribe', { watermark: null }, { id: 's2' })),
  toDesktop(
    message(
      'sync.changes',
      {
        changes: [
          { op: 'upsert', message: { ...SAMPLE_SMS, id: 'sms:4712' } },
          { op: 'delete', id: 'sms:4001' },
        ],
        watermark: 'j:1044',
        more: false,
        reset: false,
      },
      { ref: 's1' },
    ),
  ),
  toPhone(
    message(
      'sync.request',
      { scope: 'history', cursor: 'h:1699990000000:sms:4100', limit: 500 },
      { id: 'h9' },
    ),
  ),
  toPhone(
    message(
      'sync.request',
      { scope: 'recent', cursor: null, limit: 1000, perThread: 25 },
      { id: 'r1' },
    ),
  ),
  toDesktop(
    message(
      'sync.batch',
      {
        scope: 'history',
        messages: [SAMPLE_SMS, SAMPLE_MMS],
        cursor: 'h:1699980000000:sms:4000',
        total: 104233,
      },
      { ref: 'h9' },
    ),
  ),
  toDesktop(
    message('message.new', { message: { ...SAMPLE_SMS, id: 'sms:4713' }, watermark: 'j:1045' }),
  ),
  toDesktop(
    message('message.changed', {
      message: { ...SAMPLE_SMS, box: 'sent', sender: null, status: 'complete' },
      watermark: 'j:1046',
    }),
  ),
  toDesktop(message('message.deleted', { id: 'sms:4001', watermark: 'j:1047' })),
  toPhone(message('ack', { watermark: 'j:1047' })),
  toDesktop(message('ack', {}, { ref: 'u1' })),
  toPhone(message('contacts.request', { cursor: null, limit: 200, photos: true }, { id: 'c1' })),
  toDesktop(
    message(
      'contacts.batch',
      {
        contacts: [
          {
            id: 'c:311',
            name: 'Ada Lovelace',
            numbers: [{ number: '+447700900123', type: 'mobile', label: null }],
            photo: '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAA==',
          },
          {
            id: 'c:312',
            name: 'Zoë Ångström',
            numbers: [
              { number: '07700 900456', type: 'home', label: null },
              { number: '+33 6 12 34 56 78', type: 'other', label: 'Paris' },
            ],
            photo: null,
          },
        ],
        cursor: null,
        total: 2,
      },
      { ref: 'c1' },
    ),
  ),
  toDesktop(message('contacts.changed', {})),
  toPhone(
    message(
      'send.request',
      {
        key: '0f5c2a4e-8b1d-4c55-9e7e-3a2b1c0d9e8f',
        to: ['+447700900123'],
        body: 'On my way',
        subId: 1,
      },
      { id: 'r5' },
    ),
  ),
  toDesktop(
    message(
      'send.status',
      {
        key: '0f5c2a4e-8b1d-4c55-9e7e-3a2b1c0d9e8f',
        state: 'delivered',
        messageId: 'sms:4714',
        parts: { total: 1, sent: 1, delivered: 1 },
        at: 1700000001200,
      },
      { ref: 'r5' },
    ),
  ),
  toDesktop(
    message('send.status', {
      key: '0f5c2a4e-8b1d-4c55-9e7e-3a2b1c0d9e8f',
      state: 'failed',
      reason: 'no_service',
      detail: 'radio error 4',
      messageId: null,
      at: 1700000000500,
    }),
  ),
  toPhone(
    message('attachment.request', { partId: 'mms:88:2', offset: 0, length: 196608 }, { id: 'a3' }),
  ),
  toDesktop(
    message(
      'attachment.chunk',
      { partId: 'mms:88:2', offset: 0, total: 6, mime: 'image/jpeg', data: '/9j/4AAQ' },
      { ref: 'a3' },
    ),
  ),
  toPhone(message('ping', { ts: 1700000000000 }, { id: 'p7' })),
  toDesktop(message('pong', { ts: 1700000000000 }, { ref: 'p7' })),
  toPhone(message('unpair', {}, { id: 'u1' })),
  toDesktop(
    message('error', { code: 'bad_request', message: 'subId 7 is not active' }, { ref: 'r5' }),
  ),
  // Sending pictures and group texts (§9.1, §9.9, §9.14). Appended, so that every vector above
  // and the frames built from the first examples stay byte for byte what they were.
  toDesktop(
    message('hello', {
      role: 'phone',
      app: 'textbridge-companion',
      appVersion: '1.1.0',
      protocol: 1,
      capabilities: ['sync', 'send', 'contacts', 'mms.fetch', 'send.mms', 'send.group'],
      device: { name: 'Pixel 8', model: 'Google Pixel 8', region: 'GB' },
      sims: [
        {
          subId: 1,
          slot: 0,
          label: 'Work',
          carrier: 'Vodafone',
          number: null,
          isDefault: true,
          mmsMaxBytes: 614400,
        },
        {
          subId: 2,
          slot: 1,
          label: 'Personal',
          carrier: 'EE',
          number: '+447700900999',
          isDefault: false,
          mmsMaxBytes: null,
        },
      ],
    }),
  ),
  toPhone(
    message('hello', {
      role: 'desktop',
      app: 'textbridge-desktop',
      appVersion: '0.2.0',
      protocol: 1,
      capabilities: ['sync', 'send', 'contacts', 'mms.fetch', 'send.mms', 'send.waiting'],
      device: { name: 'Ada’s laptop' },
    }),
  ),
  // A 10-byte file in two chunks: the first, then the last.
  toPhone(
    message(
      'attachment.upload',
      {
        uploadId: UPLOAD_ID,
        offset: 0,
        total: 10,
        mime: 'image/jpeg',
        name: 'IMG_0042.jpg',
        data: '/9j/4AAQ',
      },
      { id: 'up1' },
    ),
  ),
  toDesktop(
    message('attachment.stored', { uploadId: UPLOAD_ID, received: 6, total: 10 }, { ref: 'up1' }),
  ),
  toPhone(
    message(
      'attachment.upload',
      {
        uploadId: UPLOAD_ID,
        offset: 6,
        total: 10,
        mime: 'image/jpeg',
        name: 'IMG_0042.jpg',
        data: 'SkZJRg==',
      },
      { id: 'up2' },
    ),
  ),
  toDesktop(
    message('attachment.stored', { uploadId: UPLOAD_ID, received: 10, total: 10 }, { ref: 'up2' }),
  ),
  // A chunk at an offset the phone does not hold is answered with what it holds (here nothing).
  toDesktop(
    message(
      'attachment.stored',
      { uploadId: UPLOAD_ID_3, received: 0, total: 300000 },
      { ref: 'up3' },
    ),
  ),
  // A whole file in one chunk, without a name.
  toPhone(
    message(
      'attachment.upload',
      { uploadId: UPLOAD_ID_2, offset: 0, total: 3, mime: 'image/png', name: null, data: 'iVBO' },
      { id: 'up4' },
    ),
  ),
  toPhone(
    message(
      'send.request',
      {
        key: 'b7e0c3d1-5a2f-4e8b-9c6d-1f2e3d4c5b6a',
        to: ['+447700900123'],
        body: 'Photos from Saturday',
        subId: 1,
        attachments: [
          { uploadId: UPLOAD_ID, mime: 'image/jpeg', name: 'IMG_0042.jpg' },
          { uploadId: UPLOAD_ID_2, mime: 'image/png', name: null },
        ],
      },
      { id: 'r6' },
    ),
  ),
  // A group text: one group MMS to all three.
  toPhone(
    message(
      'send.request',
      {
        key: 'c8f1d4e2-6b3a-4f9c-8d7e-2a3b4c5d6e7f',
        to: ['+447700900123', '+447700900456', '+447700900789'],
        body: 'Dinner at 8?',
        subId: null,
      },
      { id: 'r7' },
    ),
  ),
  // A picture without text, to a group.
  toPhone(
    message(
      'send.request',
      {
        key: 'd9a2e5f3-7c4b-4a0d-9e8f-3b4c5d6e7f80',
        to: ['+447700900123', '+447700900456'],
        body: '',
        subId: 2,
        attachments: [{ uploadId: UPLOAD_ID, mime: 'image/jpeg', name: 'IMG_0042.jpg' }],
      },
      { id: 'r8' },
    ),
  ),
  toDesktop(
    message('send.status', {
      key: 'b7e0c3d1-5a2f-4e8b-9c6d-1f2e3d4c5b6a',
      state: 'waiting_for_user',
      messageId: null,
      at: 1700000002000,
    }),
  ),
  toDesktop(
    message(
      'send.status',
      {
        key: 'b7e0c3d1-5a2f-4e8b-9c6d-1f2e3d4c5b6a',
        state: 'failed',
        reason: 'mms_too_large',
        detail: '702311 bytes over a 614400-byte limit',
        messageId: null,
        at: 1700000002100,
      },
      { ref: 'r6' },
    ),
  ),
  toDesktop(
    message('send.status', {
      key: 'c8f1d4e2-6b3a-4f9c-8d7e-2a3b4c5d6e7f',
      state: 'failed',
      reason: 'mms_unsupported',
      detail: 'no mobile data',
      messageId: null,
      at: 1700000002200,
    }),
  ),
  toDesktop(
    message(
      'send.status',
      {
        key: 'd9a2e5f3-7c4b-4a0d-9e8f-3b4c5d6e7f80',
        state: 'failed',
        reason: 'attachment_missing',
        messageId: null,
        at: 1700000002300,
      },
      { ref: 'r8' },
    ),
  ),
]
