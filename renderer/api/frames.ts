// Web mode's bridge frames arrive as text from a socket: untrusted until parsed, like
// anything that crosses a process boundary. Replies carry a Result; pushed events are checked down to their discriminant
// and the fields the store keys on, and an unknown event type is refused loudly, not guessed at.
import { z } from 'zod'
import type { CoreEvent } from '../../shared/api/events'
import { resultSchema, type Result } from '../../shared/api/result'

const rowId = z.int().min(1)
const eventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status'), status: z.looseObject({ devices: z.array(z.unknown()) }) }),
  z.object({ type: z.literal('pairing'), pairing: z.looseObject({ step: z.string() }) }),
  z.object({
    type: z.literal('conversations'),
    deviceId: z.string(),
    ids: z.array(rowId).nullable(),
  }),
  z.object({ type: z.literal('messages'), conversationId: rowId, ids: z.array(rowId) }),
  z.object({ type: z.literal('open'), conversationId: rowId }),
  z.object({
    type: z.literal('incoming'),
    conversationId: rowId,
    messageId: rowId,
    title: z.string(),
    snippet: z.string(),
  }),
  z.object({
    type: z.literal('import'),
    job: z.looseObject({
      fileName: z.string(),
      state: z.enum(['uploading', 'importing', 'complete', 'damaged', 'cancelled', 'failed']),
      bytesDone: z.number(),
      totalBytes: z.number(),
    }),
  }),
  z.object({ type: z.literal('archiveDeleted') }),
])

const frameSchema = z.union([
  z.object({ id: z.int().min(0), result: resultSchema }),
  z.object({ event: eventSchema }),
])

export type Frame =
  | { readonly kind: 'reply'; readonly id: number; readonly result: Result<unknown> }
  | { readonly kind: 'event'; readonly event: CoreEvent }

export class BadFrameError extends Error {
  override readonly name = 'BadFrameError'
}

export function parseFrame(text: string): Frame {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new BadFrameError('bridge frame is not JSON')
  }
  const parsed = frameSchema.safeParse(json)
  if (!parsed.success) throw new BadFrameError(`bridge frame refused: ${parsed.error.message}`)
  const frame = parsed.data
  if ('event' in frame) return { kind: 'event', event: frame.event as CoreEvent }
  return { kind: 'reply', id: frame.id, result: frame.result as Result<unknown> }
}
