// The small JSON payload carried inside handshake messages (PROTOCOL.md §5.2).
import { z } from 'zod'
import { fromUtf8, utf8 } from '../../bytes'
import { MAX_HANDSHAKE_PAYLOAD_BYTES } from '../constants'
import { HandshakeError } from '../errors'
import { displayName, instanceId } from '../messages/common'

const payloadSchema = z.object({ name: displayName.optional(), id: instanceId.optional() })

export interface HandshakePayload {
  readonly name?: string
  readonly id?: string
}

/** Pairing payloads must name the sender and give its instance id. */
export interface PairingPayload {
  readonly name: string
  readonly id: string
}

export function encodePayload(payload: HandshakePayload): Uint8Array {
  // Fixed key order so the vectors are byte-identical in both implementations.
  const ordered: Record<string, string> = {}
  if (payload.name !== undefined) ordered.name = payload.name
  if (payload.id !== undefined) ordered.id = payload.id
  const bytes = utf8(JSON.stringify(ordered))
  if (bytes.length > MAX_HANDSHAKE_PAYLOAD_BYTES) throw new HandshakeError('bad_payload')
  return bytes
}

export function decodePayload(bytes: Uint8Array): HandshakePayload {
  if (bytes.length > MAX_HANDSHAKE_PAYLOAD_BYTES) throw new HandshakeError('bad_payload')
  let json: unknown
  try {
    json = JSON.parse(fromUtf8(bytes))
  } catch {
    throw new HandshakeError('bad_payload')
  }
  const parsed = payloadSchema.safeParse(json)
  if (!parsed.success) throw new HandshakeError('bad_payload')
  const out: { name?: string; id?: string } = {}
  if (parsed.data.name !== undefined) out.name = parsed.data.name
  if (parsed.data.id !== undefined) out.id = parsed.data.id
  return out
}

export function requirePairingPayload(payload: HandshakePayload): PairingPayload {
  if (payload.name === undefined || payload.id === undefined) {
    throw new HandshakeError('bad_payload', 'pairing payload needs name and id')
  }
  return { name: payload.name, id: payload.id }
}
