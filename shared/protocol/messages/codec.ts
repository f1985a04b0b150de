// The message envelope (PROTOCOL.md §8): encoding, and decoding untrusted plaintext into either
// a validated message or one of the two "refuse but continue" outcomes the spec defines.
import { z } from 'zod'
import { fromUtf8, utf8, EncodingError } from '../../bytes'
import { CodedError } from '../../errors'
import { CloseCode } from '../constants'
import { catalogue, isMessageType, type BodyOf, type MessageType } from './catalogue'
import { requestId } from './common'

export type Role = 'desktop' | 'phone'

/** Body schema version of every type in protocol 1. */
export const TYPE_VERSION = 1

export interface Envelope<T extends MessageType> {
  readonly type: T
  readonly v: number
  readonly id?: string
  readonly ref?: string
  readonly body: BodyOf<T>
}

export type Message = { [T in MessageType]: Envelope<T> }[MessageType]
export type MessageOf<T extends MessageType> = Extract<Message, { type: T }>

export type Received =
  | { readonly kind: 'message'; readonly message: Message }
  | { readonly kind: 'unknown_type'; readonly type: string; readonly id?: string }
  | {
      readonly kind: 'unsupported_version'
      readonly type: MessageType
      readonly v: number
      readonly id?: string
    }

export type MessageErrorCode = 'malformed' | 'wrong_direction' | 'invalid_body'

export class MessageError extends CodedError<MessageErrorCode> {
  override readonly name = 'MessageError'
  readonly closeCode = CloseCode.ProtocolError
}

const envelope = z.object({
  type: z.string().min(1).max(64),
  v: z.int().min(1),
  id: requestId.optional(),
  ref: requestId.optional(),
  body: z.looseObject({}),
})

/** Builds a message; `extra` carries the optional id/ref. */
export function message<T extends MessageType>(
  type: T,
  body: BodyOf<T>,
  extra: { id?: string; ref?: string } = {},
): MessageOf<T> {
  return { type, v: TYPE_VERSION, ...extra, body } as unknown as MessageOf<T>
}

function mayReceive(type: MessageType, receiver: Role): boolean {
  const from = catalogue[type].from
  return from === 'both' || from !== receiver
}

/** Whether the envelope carries the id or ref its type cannot do without. */
function hasNeeded(type: MessageType, id: string | undefined, ref: string | undefined): boolean {
  const needs = catalogue[type].needs
  return needs === undefined || (needs === 'id' ? id : ref) !== undefined
}

/** Validates before sending too: a malformed outgoing message is our bug, caught here. */
export function encodeMessage(msg: Message, sender: Role): Uint8Array {
  const entry = catalogue[msg.type]
  if (entry.from !== 'both' && entry.from !== sender) {
    throw new MessageError('wrong_direction', `${sender} may not send ${msg.type}`)
  }
  if (!hasNeeded(msg.type, msg.id, msg.ref)) {
    throw new MessageError('malformed', `${msg.type} needs ${String(entry.needs)}`)
  }
  if (!entry.body.safeParse(msg.body).success) {
    throw new MessageError('invalid_body', `invalid ${msg.type} body`)
  }
  const out: Record<string, unknown> = { type: msg.type, v: msg.v }
  if (msg.id !== undefined) out.id = msg.id
  if (msg.ref !== undefined) out.ref = msg.ref
  out.body = msg.body
  return utf8(JSON.stringify(out))
}

export function decodeMessage(plaintext: Uint8Array, receiver: Role): Received {
  let json: unknown
  try {
    json = JSON.parse(fromUtf8(plaintext))
  } catch (e) {
    if (e instanceof SyntaxError || e instanceof EncodingError) {
      throw new MessageError('malformed', 'not UTF-8 JSON')
    }
    throw e
  }
  const env = envelope.safeParse(json)
  if (!env.success) throw new MessageError('malformed', 'bad envelope')
  const { type, v, id, ref, body } = env.data
  const idPart = id === undefined ? {} : { id }
  if (!isMessageType(type)) return { kind: 'unknown_type', type, ...idPart }
  if (v !== TYPE_VERSION) return { kind: 'unsupported_version', type, v, ...idPart }
  if (!mayReceive(type, receiver)) throw new MessageError('wrong_direction', type)
  if (!hasNeeded(type, id, ref)) throw new MessageError('malformed', `${type} without its id/ref`)
  const parsed = catalogue[type].body.safeParse(body)
  if (!parsed.success) throw new MessageError('invalid_body', type)
  if (type === 'hello' && (parsed.data as BodyOf<'hello'>).role === receiver) {
    throw new MessageError('invalid_body', 'hello role must be the sender role')
  }
  const msg = { type, v, ...idPart, ...(ref === undefined ? {} : { ref }), body: parsed.data }
  return { kind: 'message', message: msg as Message }
}
