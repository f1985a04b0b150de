// Saving a picture or file from a message where the user chooses, through the host's own Save
// as… (Electron's dialog). The bytes are read first, from the archive's cache or the phone, so a
// phone that is out of reach says so before the user is asked where to put a file that cannot
// come. Web mode has no such dialog: its window downloads what attachments.get answers.
import { writeFile } from 'node:fs/promises'
import { ApiError } from '../../../shared/api/result'
import { savedFileName } from '../../../shared/file-names'
import type { RemoteArchive } from '../archive/surface'
import { fetchPart } from '../phones/attachments'
import type { Phones } from '../phones/phones'
import type { ApiHandlers } from './handlers'
import type { HostHooks } from './handlers-phones'

type AttachmentHandlers = Pick<ApiHandlers, 'attachments.save'>

export function attachmentHandlers(
  archive: RemoteArchive,
  phones: Pick<Phones, 'get'>,
  chooseSavePath: HostHooks['chooseSavePath'],
): AttachmentHandlers {
  return {
    'attachments.save': async (a) => {
      if (chooseSavePath === null || chooseSavePath === undefined)
        throw new ApiError('not_available', 'This window saves attachments as downloads.')
      const message = await archive.messages.get(a.messageId)
      const meta = message.attachments.find((p) => p.partId === a.partId)
      if (meta === undefined) throw new ApiError('not_found', 'no such attachment')
      let bytes = await archive.attachments.bytes(message.deviceId, a.partId)
      if (bytes === null) {
        const session = phones.get(message.deviceId)?.liveSession ?? null
        if (session === null) throw new ApiError('not_connected', 'The phone is not connected.')
        bytes = (await fetchPart(session, a.partId)).bytes
        await archive.attachments.storeBytes(message.deviceId, a.partId, bytes)
      }
      const path = await chooseSavePath(savedFileName(meta, message.id), 'attachment')
      if (path === null) return { saved: false }
      await writeFile(path, bytes)
      return { saved: true }
    },
  }
}
