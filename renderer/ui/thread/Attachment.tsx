// An MMS part. Pictures are fetched from the core only when their bubble is on screen (the
// virtual list mounts it), shown through a blob: URL, and the URL is revoked on unmount so
// scrolling through a long thread does not pile up image memory.
import { useEffect, useState } from 'react'
import type { AttachmentMeta, MessageId } from '../../../shared/model'
import { errorText } from '../../api/facade'
import { base64ToBlob, formatBytes, isShownImage } from '../../lib/blob'
import { useServices } from '../../store/context'

type Load =
  | { readonly state: 'loading' }
  | { readonly state: 'shown'; readonly url: string }
  | { readonly state: 'failed'; readonly error: string }

export function AttachmentView({
  messageId,
  part,
}: {
  messageId: MessageId
  part: AttachmentMeta
}) {
  if (!isShownImage(part.mime)) return <AttachmentChip part={part} />
  return <Picture messageId={messageId} part={part} />
}

function Picture({ messageId, part }: { messageId: MessageId; part: AttachmentMeta }) {
  const { api } = useServices()
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
    return <img className="attachment-image" src={load.url} alt={label} loading="lazy" />
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

function AttachmentChip({ part }: { part: AttachmentMeta }) {
  const kind = part.mime.split('/')[0] ?? 'file'
  return (
    <div className="attachment-chip">
      <span aria-hidden="true">📎</span> <bdi>{part.name ?? `${kind} attachment`}</bdi>
      <span className="muted">
        {' '}
        · {part.mime}
        {part.size !== null && ` · ${formatBytes(part.size)}`}
      </span>
    </div>
  )
}
