// Under the compose box of a picture or group message, in place of the SMS counter (parts do not
// apply to an MMS): what kind of message it is and, with files, how much of the carrier's limit
// it takes, counted the way the core will count it.
import { estimateMmsBytes, formatBytes } from '../../../shared/api/compose'
import type { DraftFile } from '../../store/draft-files-slice'

export function MmsSize(props: {
  id: string
  files: readonly DraftFile[]
  textBytes: number
  recipients: number
  limit: number
}) {
  const { files } = props
  if (files.length === 0) {
    return (
      <span id={props.id} className="segments">
        Group text (MMS)
      </span>
    )
  }
  const sizes = files.filter((f) => f.state !== 'refused').map((f) => f.size ?? f.originalSize)
  const total = estimateMmsBytes({
    bodyBytes: props.textBytes,
    attachmentSizes: sizes,
    recipients: props.recipients,
  })
  const known = files.every((f) => f.state === 'refused' || f.size !== null)
  return (
    <span id={props.id} className="segments" data-mms-bytes={total}>
      Picture message · {known ? '' : 'up to '}
      {formatBytes(total)} of {formatBytes(props.limit)}
    </span>
  )
}
