// An MMS part. Pictures are fetched from the core only when their bubble is on screen (the
// virtual list mounts it), shown through a blob: URL, and the URL is revoked on unmount so
// scrolling through a long thread does not pile up image memory. A picture opens full size on
// a click; anything else (video, audio, a contact card, a PDF) is listed with a Save button, as
// the window does not play or open those itself.
import { useEffect, useState, type ReactNode } from 'react'
import type { AttachmentMeta, MessageId } from '../../../shared/model'
import { savedFileName } from '../../../shared/file-names'
import { errorText } from '../../api/facade'
import { base64ToBlob, formatBytes, isShownImage } from '../../lib/blob'
import { useActions, useServices } from '../../store/context'
import { useSaveAttachment } from './save-attachment'

type Load =
  | { readonly state: 'loading' }
  | { readonly state: 'shown'; readonly url: string }
  | { readonly state: 'failed'; readonly error: string }

export function AttachmentView({
  messageId,
  part,
  from,
}: {
  messageId: MessageId
  part: AttachmentMeta
  /** Who sent it, as the full-size view names them ("you" for a text sent from here). */
  from: string
}) {
  if (!isShownImage(part.mime)) return <FileAttachment messageId={messageId} part={part} />
  return <Picture messageId={messageId} part={part} from={from} />
}

function Picture({
  messageId,
  part,
  from,
}: {
  messageId: MessageId
  part: AttachmentMeta
  from: string
}) {
  const { api } = useServices()
  const { showPicture } = useActions()
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let url: string | null = null
    let live = true
    setLoad({ state: 'loading' })
    api.attachments
      .get({ messageId, partId: part.partId })
      .then((a) => {
        if (!live) return
        url = URL.createObjectURL(base64ToBlob(a.data, a.mime))
        setLoad({ state: 'shown', url })
      })
      .catch((e: unknown) => {
        if (live) setLoad({ state: 'failed', error: errorText(e) })
      })
    return () => {
      live = false
      if (url !== null) URL.revokeObjectURL(url)
    }
  }, [api, messageId, part.partId, attempt])

  const label = part.name ?? 'Picture'
  if (load.state === 'shown') {
    return (
      <button
        type="button"
        className="picture-button"
        aria-label={`Open picture from ${from}`}
        title="Open full size"
        onClick={() => {
          showPicture({ messageId, part, from })
        }}
      >
        <img className="attachment-image" src={load.url} alt={label} loading="lazy" />
      </button>
    )
  }
  if (load.state === 'failed') {
    return (
      <div className="attachment-placeholder attachment-failed">
        <span>Picture not available: {load.error}</span>
        <button
          type="button"
          className="text-button"
          onClick={() => {
            setAttempt(attempt + 1)
          }}
        >
          Try again
        </button>
      </div>
    )
  }
  return (
    <div className="attachment-placeholder" role="img" aria-label={`${label}, loading`}>
      <span className="spinner" aria-hidden="true" />
    </div>
  )
}

/** "Video", "Audio", "Contact card", "PDF", "File": what a part is, in a word. */
export function kindOf(mime: string): string {
  const type = mime.toLowerCase()
  if (type.startsWith('video/')) return 'Video'
  if (type.startsWith('audio/')) return 'Audio'
  if (type === 'text/vcard' || type === 'text/x-vcard') return 'Contact card'
  if (type === 'application/pdf') return 'PDF'
  if (type.startsWith('image/')) return 'Picture'
  return 'File'
}

function FileAttachment({ messageId, part }: { messageId: MessageId; part: AttachmentMeta }) {
  const save = useSaveAttachment()
  const [saving, setSaving] = useState(false)
  const name = part.name ?? savedFileName(part, messageId)
  return (
    <FileChip name={name} mime={part.mime} size={part.size}>
      <button
        type="button"
        className="button button-small"
        aria-label={`Save ${name}`}
        disabled={saving}
        onClick={() => {
          setSaving(true)
          void save(messageId, part).finally(() => {
            setSaving(false)
          })
        }}
      >
        Save
      </button>
    </FileChip>
  )
}

/** A file in a bubble: its name, kind and size (and, for a stored one, Save). */
export function FileChip(props: {
  name: string
  mime: string
  size: number | null
  children?: ReactNode
}) {
  return (
    <div className="attachment-chip">
      <span aria-hidden="true">📎</span> <bdi className="attachment-name">{props.name}</bdi>
      <span className="muted">
        {' '}
        · {kindOf(props.mime)}
        {props.size !== null && ` · ${formatBytes(props.size)}`}
      </span>{' '}
      {props.children}
    </div>
  )
}
