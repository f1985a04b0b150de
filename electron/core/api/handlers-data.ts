// The archive's own controls: its place and size, importing backups, deleting archives.
import { fromBase64 } from '../../../shared/bytes'
import type { DataService } from '../data/data-service'
import type { ApiHandlers } from './handlers'

type DataHandlers = Pick<
  ApiHandlers,
  'data.info' | 'data.upload' | 'data.chunk' | 'data.import' | 'data.cancel' | 'data.delete'
>

export function dataHandlers(data: DataService): DataHandlers {
  return {
    'data.info': () => data.info(),
    'data.upload': async (a) => ({ uploadId: await data.upload(a.name, a.size) }),
    'data.chunk': async (a) => {
      await data.chunk(a.uploadId, a.offset, fromBase64(a.data))
      return null
    },
    'data.import': async (a) => {
      await data.import(a.uploadId, a.deviceId)
      return null
    },
    'data.cancel': async () => {
      await data.cancel()
      return null
    },
    'data.delete': async (a) => {
      await data.delete(a)
      return null
    },
  }
}
