import { describe, expect, it } from 'vitest'
import { utf8 } from '../../bytes'
import { MAX_ATTACHMENT_CHUNK, MESSAGE_TYPES } from './catalogue'
import { decodeMessage, encodeMessage, message, MessageError } from './codec'
import { base64Bytes } from './common'

describe('message codec', () => {
  it('knows every type the spec lists', () => {
    expect(MESSAGE_TYPES.sort()).toEqual(
      [
        'ack',
        'attachment.chunk',
        'attachment.request',
        'attachment.stored',
        'attachment.upload',
        'contacts.batch',
        'contacts.changed',
        'contacts.request',
        'error',
        'hello',
        'message.changed',
        'message.deleted',
        'message.new',
        'pair.result',
        'ping',
        'pong',
        'send.request',
        'send.status',
        'sync.batch',
        'sync.changes',
        'sync.request',
        'sync.subscribe',
        'unpair',
      ].sort(),
    )
  })

  it('round-trips a message and ignores unknown body fields', () => {
    const bytes = encodeMessage(message('ping', { ts: 5 }, { id: 'p1' }), 'desktop')
    expect(decodeMessage(bytes, 'phone')).toEqual({
      kind: 'message',
      message: { type: 'ping', v: 1, id: 'p1', body: { ts: 5 } },
    })
    const extra = utf8('{"type":"ping","v":1,"body":{"ts":5,"later":"field"}}')
    expect(decodeMessage(extra, 'phone')).toEqual({
      kind: 'message',
      message: { type: 'ping', v: 1, body: { ts: 5 } },
    })
  })

  it('refuses to send a message the sender role may not send, or an invalid body', () => {
    expect(() => encodeMessage(message('contacts.changed', {}), 'desktop')).toThrow(MessageError)
    expect(() => encodeMessage(message('ping', { ts: -1 }), 'desktop')).toThrow(MessageError)
  })

  it('answers unknown types and versions without closing', () => {
    expect(decodeMessage(utf8('{"type":"x.y","v":1,"id":"q","body":{}}'), 'phone')).toEqual({
      kind: 'unknown_type',
      type: 'x.y',
      id: 'q',
    })
    expect(decodeMessage(utf8('{"type":"ping","v":9,"body":{}}'), 'phone')).toEqual({
      kind: 'unsupported_version',
      type: 'ping',
      v: 9,
    })
  })

  it('closes with 4000 on invalid UTF-8 and on prototype tricks', () => {
    const bad = new Uint8Array([0x7b, 0xff, 0x7d])
    expect(() => decodeMessage(bad, 'phone')).toThrow(MessageError)
    const proto = utf8('{"type":"__proto__","v":1,"body":{}}')
    expect(decodeMessage(proto, 'phone')).toEqual({ kind: 'unknown_type', type: '__proto__' })
    const ctor = utf8('{"type":"constructor","v":1,"body":{}}')
    expect(decodeMessage(ctor, 'phone').kind).toBe('unknown_type')
    try {
      decodeMessage(bad, 'phone')
    } catch (e) {
      expect((e as MessageError).closeCode).toBe(4000)
    }
  })

  it('accepts a 100 KB body and refuses one over the cap', () => {
    const sms = {
      id: 'sms:1',
      kind: 'sms',
      threadId: null,
      box: 'inbox',
      addresses: ['+1'],
      sender: '+1',
      date: 1,
      dateSent: null,
      read: true,
      status: 'none',
      subId: null,
      parts: [],
      sendKey: null,
    }
    const ok = {
      type: 'message.new',
      v: 1,
      body: { watermark: 'w', message: { ...sms, body: 'x'.repeat(100_000) } },
    }
    expect(decodeMessage(utf8(JSON.stringify(ok)), 'desktop').kind).toBe('message')
    const tooBig = { ...ok, body: { ...ok.body, message: { ...sms, body: 'x'.repeat(262_145) } } }
    expect(() => decodeMessage(utf8(JSON.stringify(tooBig)), 'desktop')).toThrow(MessageError)
  })

  it('takes an upload chunk of exactly the largest size, and refuses one byte more', () => {
    const chunk = (bytes: number, data: string) =>
      utf8(
        JSON.stringify({
          type: 'attachment.upload',
          v: 1,
          id: 'u1',
          body: {
            uploadId: 'x'.repeat(16),
            offset: 0,
            total: bytes,
            mime: 'a/b',
            name: null,
            data,
          },
        }),
      )
    const max = 'A'.repeat((MAX_ATTACHMENT_CHUNK / 3) * 4)
    expect(decodeMessage(chunk(MAX_ATTACHMENT_CHUNK, max), 'phone').kind).toBe('message')
    expect(() => decodeMessage(chunk(MAX_ATTACHMENT_CHUNK + 1, `${max}AA==`), 'phone')).toThrow(
      MessageError,
    )
  })

  it('counts the bytes of canonical padded base64 only', () => {
    expect(base64Bytes('')).toBe(0)
    expect(base64Bytes('SkZJRg==')).toBe(4)
    expect(base64Bytes('SkZJRkk=')).toBe(5)
    expect(base64Bytes('/9j/4AAQ')).toBe(6)
    for (const bad of [
      'SkZJRg',
      'SkZJRh==',
      'SkZJRkl=',
      '=AAA',
      'A===',
      '====',
      'AB=C',
      '_9j-',
      'AA\nA',
    ]) {
      expect(base64Bytes(bad)).toBeNull()
    }
  })

  it('will not encode an upload without its id or a send with neither body nor attachment', () => {
    const body = {
      uploadId: 'x'.repeat(16),
      offset: 0,
      total: 1,
      mime: 'a/b',
      name: null,
      data: 'AA==',
    }
    expect(() => encodeMessage(message('attachment.upload', body), 'desktop')).toThrow(MessageError)
    expect(encodeMessage(message('attachment.upload', body, { id: 'u1' }), 'desktop')).toBeTruthy()
    const send = { key: 'k'.repeat(16), to: ['1'], body: '', subId: null }
    expect(() => encodeMessage(message('send.request', send), 'desktop')).toThrow(MessageError)
    const withPicture = {
      ...send,
      attachments: [{ uploadId: 'x'.repeat(16), mime: 'a/b', name: null }],
    }
    expect(encodeMessage(message('send.request', withPicture), 'desktop')).toBeTruthy()
  })
})
