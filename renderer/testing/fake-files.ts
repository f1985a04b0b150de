// The fake core's files: what compose.stage and its chunks hold, and the parts attachments.get
// serves. A sent text's staged files become its own parts, as the real core's outbox keeps them.
import type { ArchivedMessage } from '../../shared/model'
import type { ApiErrorCode } from '../../shared/api/result'

/** Thrown by an override: the fake core answers with a failed Result of this code. */
export class FakeError extends Error {
  override readonly name = 'FakeError'
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message)
  }
}

interface Staged {
  readonly name: string
  readonly mime: string
  readonly size: number
  /** The chunks as they came, base64 each. */
  readonly chunks: string[]
}

export class FakeFiles {
  /** Files staged by compose.stage, by stage id. */
  readonly staged = new Map<string, Staged>()
  /** MMS parts by `${messageId}/${partId}`. */
  readonly parts = new Map<string, { mime: string; data: string }>()
  private next = 1

  handle(method: string, args: Record<string, unknown>): unknown {
    switch (method) {
      case 'compose.stage': {
        const stageId = (this.next++).toString(16).padStart(32, '0')
        const { name, mime, size } = args as { name: string; mime: string; size: number }
        this.staged.set(stageId, { name, mime, size, chunks: [] })
        return { stageId }
      }
      case 'compose.stageChunk': {
        const file = this.staged.get(args.stageId as string)
        if (file === undefined) throw new FakeError('not_found', 'That attachment is gone.')
        file.chunks.push(args.data as string)
        return { received: (args.offset as number) + atob(args.data as string).length }
      }
      case 'compose.unstage':
        this.staged.delete(args.stageId as string)
        return null
      case 'attachments.get': {
        const part = this.parts.get(`${String(args.messageId)}/${String(args.partId)}`)
        if (part === undefined) throw new FakeError('not_found', 'no such attachment')
        return part
      }
      case 'attachments.save':
        return { saved: true }
      default:
        throw new FakeError('not_available', `${method} is not faked`)
    }
  }

  /** The parts a text with these staged files gets. */
  take(stageIds: readonly string[]): ArchivedMessage['attachments'] {
    return stageIds.map((stageId) => {
      const file = this.staged.get(stageId)
      if (file === undefined) throw new FakeError('not_found', 'That attachment is gone.')
      const { mime, size, name } = file
      return { partId: `up:${stageId}`, mime, size, name, cached: true }
    })
  }

  /** The sent text's parts keep the staged bytes; the staged files are released. */
  keep(message: ArchivedMessage, stageIds: readonly string[]): void {
    for (const [i, part] of message.attachments.entries()) {
      const file = this.staged.get(stageIds[i] ?? '')
      if (file === undefined) continue
      const data = btoa(file.chunks.map((c) => atob(c)).join(''))
      this.parts.set(`${message.id}/${part.partId}`, { mime: file.mime, data })
    }
    for (const stageId of stageIds) this.staged.delete(stageId)
  }
}
