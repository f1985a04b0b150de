// "Save" for a picture or file of a message. In Electron the core asks where (the system's own
// Save as…) and writes the file itself; a browser page cannot choose a folder, so web mode
// downloads the bytes under the part's name instead.
import type { AttachmentMeta, MessageId } from '../../../shared/model'
import { savedFileName } from '../../../shared/file-names'
import { errorText } from '../../api/facade'
import { base64ToBlob, downloadBlob } from '../../lib/blob'
import { useActions, useServices } from '../../store/context'

export type SaveAttachment = (
  messageId: MessageId,
  part: AttachmentMeta,
  /** The bytes when the caller has them already (an open picture): no second fetch. */
  have?: Blob,
) => Promise<void>

export function useSaveAttachment(): SaveAttachment {
  const { api, host } = useServices()
  const { notify } = useActions()
  return async (messageId, part, have) => {
    const name = savedFileName(part, messageId)
    try {
      if (host === 'electron') {
        const { saved } = await api.attachments.save({ messageId, partId: part.partId })
        if (saved) notify(`Saved ${name}.`, 'info')
        return
      }
      if (have !== undefined) {
        downloadBlob(have, name)
        return
      }
      const a = await api.attachments.get({ messageId, partId: part.partId })
      downloadBlob(base64ToBlob(a.data, a.mime), name)
    } catch (e) {
      notify(`Couldn't save ${name}: ${errorText(e)}`)
    }
  }
}
