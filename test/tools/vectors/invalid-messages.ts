// Plaintexts a receiver must refuse, and how, pinned in the session vectors.
import type { Role } from '../../../shared/protocol'

const UPLOAD_ID = 'f3a9c1e7-2b4d-4e6f-8a0b-9c8d7e6f5a4b'
const ATTACHMENT = { uploadId: UPLOAD_ID, mime: 'image/jpeg', name: null }

/** Plaintexts that must be refused, and how (PROTOCOL.md §8). */
export const INVALID_MESSAGES: readonly {
  name: string
  receiver: Role
  json: string
  expect: 'close_4000' | 'unknown_type' | 'unsupported_version'
}[] = [
  { name: 'not JSON', receiver: 'phone', json: '{"type":', expect: 'close_4000' },
  { name: 'array envelope', receiver: 'phone', json: '[1,2]', expect: 'close_4000' },
  { name: 'missing body', receiver: 'phone', json: '{"type":"ping","v":1}', expect: 'close_4000' },
  {
    name: 'body not object',
    receiver: 'phone',
    json: '{"type":"ping","v":1,"body":[]}',
    expect: 'close_4000',
  },
  {
    name: 'v zero',
    receiver: 'phone',
    json: '{"type":"ping","v":0,"body":{"ts":1}}',
    expect: 'close_4000',
  },
  {
    name: 'v not integer',
    receiver: 'phone',
    json: '{"type":"ping","v":1.5,"body":{"ts":1}}',
    expect: 'close_4000',
  },
  {
    name: 'bad id characters',
    receiver: 'phone',
    json: '{"type":"ping","v":1,"id":"a b","body":{"ts":1}}',
    expect: 'close_4000',
  },
  {
    name: 'ping without ts',
    receiver: 'phone',
    json: '{"type":"ping","v":1,"body":{}}',
    expect: 'close_4000',
  },
  {
    name: 'negative timestamp',
    receiver: 'phone',
    json: '{"type":"ping","v":1,"body":{"ts":-1}}',
    expect: 'close_4000',
  },
  {
    name: 'send.request from the phone',
    receiver: 'desktop',
    json: '{"type":"send.request","v":1,"body":{"key":"0123456789abcdef","to":["1"],"body":"x","subId":null}}',
    expect: 'close_4000',
  },
  {
    name: 'send key too short',
    receiver: 'phone',
    json: '{"type":"send.request","v":1,"body":{"key":"short","to":["1"],"body":"x","subId":null}}',
    expect: 'close_4000',
  },
  {
    name: 'empty send body',
    receiver: 'phone',
    json: '{"type":"send.request","v":1,"body":{"key":"0123456789abcdef","to":["1"],"body":"","subId":null}}',
    expect: 'close_4000',
  },
  {
    name: 'failed status without reason',
    receiver: 'desktop',
    json: '{"type":"send.status","v":1,"body":{"key":"0123456789abcdef","state":"failed","messageId":null,"at":1}}',
    expect: 'close_4000',
  },
  {
    name: 'hello claiming the receiver role',
    receiver: 'phone',
    json: '{"type":"hello","v":1,"body":{"role":"phone","app":"x","appVersion":"1","protocol":1,"capabilities":[],"device":{"name":"x"}}}',
    expect: 'close_4000',
  },
  {
    name: 'sync.request limit over 1000',
    receiver: 'phone',
    json: '{"type":"sync.request","v":1,"body":{"scope":"history","cursor":null,"limit":1001}}',
    expect: 'close_4000',
  },
  {
    name: 'unknown type',
    receiver: 'phone',
    json: '{"type":"schedule.create","v":1,"id":"x1","body":{}}',
    expect: 'unknown_type',
  },
  {
    name: 'future version of a known type',
    receiver: 'desktop',
    json: '{"type":"send.status","v":2,"id":"x2","body":{"anything":true}}',
    expect: 'unsupported_version',
  },
  // Sending pictures and group texts (§9.9, §9.14).
  {
    name: 'send body and attachments both empty',
    receiver: 'phone',
    json: sendRequest({ body: '', attachments: [] }),
    expect: 'close_4000',
  },
  {
    name: 'eleven attachments',
    receiver: 'phone',
    json: sendRequest({ body: '', attachments: Array.from({ length: 11 }, () => ATTACHMENT) }),
    expect: 'close_4000',
  },
  {
    name: 'attachment with a bad uploadId',
    receiver: 'phone',
    json: sendRequest({ body: 'x', attachments: [{ ...ATTACHMENT, uploadId: 'short' }] }),
    expect: 'close_4000',
  },
  {
    name: 'attachment without mime',
    receiver: 'phone',
    json: sendRequest({ body: 'x', attachments: [{ uploadId: UPLOAD_ID, name: null }] }),
    expect: 'close_4000',
  },
  {
    name: 'upload data over 196,608 bytes',
    receiver: 'phone',
    json: upload({ total: 196_609, data: 'A'.repeat(262_144) + 'AA==' }),
    expect: 'close_4000',
  },
  {
    name: 'upload chunk ending past total',
    receiver: 'phone',
    json: upload({ offset: 6, total: 10, data: '/9j/4AAQ' }),
    expect: 'close_4000',
  },
  {
    name: 'upload total over 5 MiB',
    receiver: 'phone',
    json: upload({ total: 5_242_881 }),
    expect: 'close_4000',
  },
  {
    name: 'upload total zero',
    receiver: 'phone',
    json: upload({ total: 0 }),
    expect: 'close_4000',
  },
  {
    name: 'upload with a bad uploadId',
    receiver: 'phone',
    json: upload({ uploadId: 'has spaces in it, too' }),
    expect: 'close_4000',
  },
  {
    name: 'upload with empty data',
    receiver: 'phone',
    json: upload({ data: '' }),
    expect: 'close_4000',
  },
  {
    name: 'upload data without padding',
    receiver: 'phone',
    json: upload({ data: 'SkZJRg' }),
    expect: 'close_4000',
  },
  {
    name: 'upload data with nonzero pad bits',
    receiver: 'phone',
    json: upload({ data: 'SkZJRh==' }),
    expect: 'close_4000',
  },
  {
    name: 'upload data with a line break',
    receiver: 'phone',
    json: upload({ data: '/9j/\n4AAQ' }),
    expect: 'close_4000',
  },
  {
    name: 'upload data in the base64url alphabet',
    receiver: 'phone',
    json: upload({ data: '_9j_4AAQ' }),
    expect: 'close_4000',
  },
  {
    name: 'upload without an id',
    receiver: 'phone',
    json: upload({}, false),
    expect: 'close_4000',
  },
  {
    name: 'upload from the phone',
    receiver: 'desktop',
    json: upload({}),
    expect: 'close_4000',
  },
  {
    name: 'stored without a ref',
    receiver: 'desktop',
    json: `{"type":"attachment.stored","v":1,"body":{"uploadId":"${UPLOAD_ID}","received":6,"total":10}}`,
    expect: 'close_4000',
  },
  {
    name: 'stored more than total',
    receiver: 'desktop',
    json: `{"type":"attachment.stored","v":1,"ref":"up1","body":{"uploadId":"${UPLOAD_ID}","received":11,"total":10}}`,
    expect: 'close_4000',
  },
  {
    name: 'waiting_for_user with a reason',
    receiver: 'desktop',
    json: '{"type":"send.status","v":1,"body":{"key":"0123456789abcdef","state":"waiting_for_user","reason":"limit_exceeded","messageId":null,"at":1}}',
    expect: 'close_4000',
  },
  {
    name: 'sim mmsMaxBytes zero',
    receiver: 'desktop',
    json: phoneHello({ mmsMaxBytes: 0 }),
    expect: 'close_4000',
  },
  {
    name: 'sim mmsMaxBytes over 2^31 - 1',
    receiver: 'desktop',
    json: phoneHello({ mmsMaxBytes: 2_147_483_648 }),
    expect: 'close_4000',
  },
]

function sendRequest(extra: Record<string, unknown>): string {
  const body = { key: '0123456789abcdef', to: ['1'], body: 'x', subId: null, ...extra }
  return JSON.stringify({ type: 'send.request', v: 1, id: 'r1', body })
}

/** A valid 6-byte first chunk of a 10-byte file, with `extra` changed. */
function upload(extra: Record<string, unknown>, withId = true): string {
  const body = {
    uploadId: UPLOAD_ID,
    offset: 0,
    total: 10,
    mime: 'image/jpeg',
    name: null,
    data: '/9j/4AAQ',
    ...extra,
  }
  return JSON.stringify({ type: 'attachment.upload', v: 1, ...(withId ? { id: 'up1' } : {}), body })
}

function phoneHello(sim: Record<string, unknown>): string {
  const body = {
    role: 'phone',
    app: 'x',
    appVersion: '1',
    protocol: 1,
    capabilities: ['send.mms'],
    device: { name: 'x' },
    sims: [{ subId: 1, slot: 0, label: 'x', carrier: null, number: null, isDefault: true, ...sim }],
  }
  return JSON.stringify({ type: 'hello', v: 1, body })
}
