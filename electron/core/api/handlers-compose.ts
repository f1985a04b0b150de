// Staging the files of a draft (compose/staging.ts); `messages.send` takes them from there.
import type { ComposeStaging } from '../compose/staging'
import type { ApiHandlers } from './handlers'

type ComposeHandlers = Pick<ApiHandlers, 'compose.stage' | 'compose.stageChunk' | 'compose.unstage'>

export function composeHandlers(staging: ComposeStaging): ComposeHandlers {
  return {
    'compose.stage': (a) => Promise.resolve({ stageId: staging.stage(a.name, a.mime, a.size) }),
    'compose.stageChunk': (a) =>
      // The schema has checked it is base64; Node's decoder is many times faster than ours.
      Promise.resolve({
        received: staging.chunk(a.stageId, a.offset, Buffer.from(a.data, 'base64')),
      }),
    'compose.unstage': (a) => {
      staging.unstage(a.stageId)
      return Promise.resolve(null)
    },
  }
}
