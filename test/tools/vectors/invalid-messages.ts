// Plaintexts a receiver must refuse, and how, pinned in the session vectors.
import type { Role } from '../../../shared/protocol'

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
]
