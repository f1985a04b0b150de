// A picture at full size, over everything, with Save. It reads the bytes itself (the archive has
// them cached once the bubble showed the picture) so it does not depend on its bubble staying
// mounted in the virtual list, and it revokes its own blob: URL when it closes.
import { useEffect, useState } from 'react'
import { errorText } from '../../api/facade'
import { base64ToBlob } from '../../lib/blob'
import { useActions, useApp, useServices } from '../../store/context'
import type { Lightbox as Target } from '../../store/ui-slice'
import { Dialog } from '../common/Dialog'
import { useSaveAttachment } from './save-attachment'

type Load =
  | { readonly state: 'loading' }
  | { readonly state: 'shown'; readonly url: string; readonly blob: Blob }
  | { readonly state: 'failed'; readonly error: string }

export function PictureLightbox() {
  const target = useApp((s) => s.lightbox)
  if (target === null) return null
  return <LightboxDialog key={`${target.messageId}/${target.part.partId}`} target={target} />
}

function LightboxDialog({ target }: { target: Target }) {
  const { api } = useServices()
  const { showPicture } = useActions()
  const save = useSaveAttachment()
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  const { messageId, part } = target

  useEffect(() => {
    let url: string | null = null
    let live = true
    api.attachments.get({ messageId, partId: part.partId }).then(
      (a) => {
        if (!live) return
        const blob = base64ToBlob(a.data, a.mime)
        url = URL.createObjectURL(blob)
        setLoad({ state: 'shown', url, blob })
      },
      (e: unknown) => {
        if (live) setLoad({ state: 'failed', error: errorText(e) })
      },
    )
    return () => {
      live = false
      if (url !== null) URL.revokeObjectURL(url)
    }
  }, [api, messageId, part.partId])

  const close = () => {
    showPicture(null)
  }
  const title = `Picture from ${target.from}`
  return (
    <Dialog title={title} onClose={close} className="dialog lightbox">
      <div className="lightbox-body">
        {load.state === 'shown' ? (
          <img className="lightbox-image" src={load.url} alt={part.name ?? title} />
        ) : load.state === 'failed' ? (
          <p role="alert">Picture not available: {load.error}</p>
        ) : (
          <p role="status">
            <span className="spinner" aria-hidden="true" /> Loading the picture…
          </p>
        )}
      </div>
      <div className="dialog-actions">
        <button
          type="button"
          className="button"
          disabled={load.state === 'failed'}
          onClick={() => void save(messageId, part, load.state === 'shown' ? load.blob : undefined)}
        >
          Save picture
        </button>
        <button type="button" className="button button-primary" onClick={close} data-autofocus>
          Close
        </button>
      </div>
    </Dialog>
  )
}
