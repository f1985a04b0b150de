// The archive's own controls: its place and size, importing backups, deleting archives.
import type { DataService } from '../data/data-service'
import type { ApiHandlers } from './handlers'

type DataHandlers = Pick<
  ApiHandlers,
  | 'data.info'
  | 'data.upload'
  | 'data.chunk'
  | 'data.import'
  | 'data.cancel'
  | 'data.export'
  | 'data.download'
  | 'data.delete'
>

export function dataHandlers(data: DataService): DataHandlers {
  return {
    'data.info': () => data.info(),
    'data.upload': async (a) => ({ uploadId: await data.upload(a.name, a.size) }),
    'data.chunk': async (a) => {
      // The schema has checked it is base64; Node's decoder is many times faster than ours.
      await data.chunk(a.uploadId, a.offset, Buffer.from(a.data, 'base64'))
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
    'data.export': (a) => data.exports.run(a),
    'data.download': (a) => data.exports.chunk(a.exportId, a.offset),
    'data.delete': async (a) => {
      await data.delete(a)
      return null
    },
  }
}
