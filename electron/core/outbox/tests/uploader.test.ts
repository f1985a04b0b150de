// The uploader against a scripted phone: where it resumes, and what it does with the phone's
// refusals (PROTOCOL.md §9.14).
import { describe, expect, it } from 'vitest'
import type { OutboxEntry, OutgoingPart } from '../../../../shared/model/outbox'
import type { BodyOf } from '../../../../shared/protocol'
import { RemoteError } from '../../net/errors'
import type { PeerSession } from '../../net/session'
import type { OutboxArchive } from '../ports'
import { uploadFiles } from '../uploader'

const CHUNK = 196_608
const SIZE = 500_000
const FILE = new Uint8Array(SIZE).map((_, i) => i % 251)

type Upload = BodyOf<'attachment.upload'>

/** A phone that holds `held` bytes and follows §9.14, or answers with `reply` instead. */
function phone(held: number, reply?: (u: Upload) => Error | number) {
  const seen: [number, number][] = []
  const session = {
    call: (_type: string, body: Upload) => {
      const length = Buffer.from(body.data, 'base64').length
      seen.push([body.offset, length])
      const scripted = reply?.(body)
      if (scripted instanceof Error) return Promise.reject(scripted)
      if (scripted === undefined && body.offset === held) held += length
      const received = scripted ?? held
      return Promise.resolve({
        type: 'attachment.stored',
        body: { uploadId: body.uploadId, received, total: body.total },
      })
    },
  } as unknown as PeerSession
  return { session, seen }
}

function archive(received: number) {
  const recorded: number[] = []
  const part: OutgoingPart = {
    uploadId: 'u'.repeat(22),
    mime: 'image/jpeg',
    name: null,
    size: SIZE,
    received,
  }
  const port = {
    uploadBytes: () => FILE,
    recordUpload: (_id: number, _u: string, n: number) => {
      recorded.push(n)
      return { ...part, received: n }
    },
  } as unknown as OutboxArchive
  const entry = { id: 1, parts: [part] } as unknown as OutboxEntry
  return { port, entry, recorded }
}

describe('uploader', () => {
  it('starts where the archive says the phone was, and writes each answer down', async () => {
    const { session, seen } = phone(CHUNK)
    const { port, entry, recorded } = archive(CHUNK)
    expect(await uploadFiles(session, port, entry)).toEqual({ kind: 'complete' })
    expect(seen).toEqual([
      [CHUNK, CHUNK],
      [2 * CHUNK, SIZE - 2 * CHUNK],
    ])
    expect(recorded).toEqual([2 * CHUNK, SIZE])
  })

  it("goes on from the phone's offset when the phone holds more than was written down", async () => {
    // The answer to the second chunk was lost with the connection: the archive still says 0.
    const { session, seen } = phone(2 * CHUNK)
    const { port, entry, recorded } = archive(0)
    expect(await uploadFiles(session, port, entry)).toEqual({ kind: 'complete' })
    expect(seen.map(([offset]) => offset)).toEqual([0, 2 * CHUNK])
    expect(recorded).toEqual([2 * CHUNK, SIZE])
  })

  it('sends nothing for a file the phone holds complete', async () => {
    const { session, seen } = phone(SIZE)
    const { port, entry } = archive(SIZE)
    expect(await uploadFiles(session, port, entry)).toEqual({ kind: 'complete' })
    expect(seen).toEqual([])
  })

  it('stops on busy, fails on a refusal, and gives up on a phone that never moves on', async () => {
    const busy = phone(0, () => new RemoteError('busy'))
    expect(await uploadFiles(busy.session, archive(0).port, archive(0).entry)).toEqual({
      kind: 'busy',
    })
    const refused = phone(0, () => new RemoteError('bad_request'))
    expect(await uploadFiles(refused.session, archive(0).port, archive(0).entry)).toMatchObject({
      kind: 'failed',
      reason: 'generic_failure',
    })
    const stuck = phone(0, () => 0)
    expect(await uploadFiles(stuck.session, archive(0).port, archive(0).entry)).toMatchObject({
      kind: 'failed',
      detail: 'the upload did not progress',
    })
    expect(stuck.seen.length).toBeLessThan(20)
  })
})
