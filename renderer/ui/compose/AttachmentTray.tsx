// The files attached to a draft, above the compose box: a thumbnail (or an icon for other files),
// the name, the size and, for a picture made smaller, the size it will go at; what is still
// being done to each; why one cannot go; and a Remove button each.
import { sizeText } from '../../lib/attach-words'
import type { DraftFile } from '../../store/draft-files-slice'
import { useActions, useApp } from '../../store/context'

const NONE: readonly DraftFile[] = []

function status(f: DraftFile): string | null {
  switch (f.state) {
    case 'preparing':
      return f.picture ? 'Preparing the picture…' : 'Preparing…'
    case 'staging':
      return f.size === null || f.size === 0
        ? 'Attaching…'
        : `Attaching… ${Math.floor((f.sent / f.size) * 100)}%`
    case 'ready':
      return null
    case 'refused':
      return f.problem
  }
}

export function AttachmentTray(props: { draftKey: string; onRemoved: () => void }) {
  const files = useApp((s) => s.draftFiles[props.draftKey] ?? NONE)
  const { removeDraftFile } = useActions()
  if (files.length === 0) return null
  return (
    <ul className="draft-files" aria-label="Attachments">
      {files.map((f) => {
        const note = status(f)
        return (
          <li key={f.id} className="draft-file" data-state={f.state} data-file-id={f.id}>
            {f.previewUrl !== null ? (
              <img className="draft-thumb" src={f.previewUrl} alt="" />
            ) : (
              <span className="draft-thumb draft-icon" aria-hidden="true">
                📎
              </span>
            )}
            <span className="draft-file-text">
              <bdi className="draft-file-name">{f.name}</bdi>
              <span className="draft-file-size">{sizeText(f)}</span>
              {note !== null && (
                <span className={f.state === 'refused' ? 'draft-file-problem' : 'draft-file-note'}>
                  {note}
                </span>
              )}
            </span>
            <button
              type="button"
              className="chip-remove"
              aria-label={`Remove ${f.name}`}
              title={`Remove ${f.name}`}
              onClick={() => {
                removeDraftFile(props.draftKey, f.id)
                props.onRemoved()
              }}
            >
              ×
            </button>
          </li>
        )
      })}
    </ul>
  )
}
