// Settings → Data: where the archive is and how big, what each phone's archive holds, importing
// a backup (chosen here or dropped on the window), and deleting archives after a confirmation
// that says what goes.
import { useEffect, useRef, useState } from 'react'
import type { DeleteTarget, PhoneArchive } from '../../../shared/api/data'
import type { DeviceId } from '../../../shared/model'
import { errorText } from '../../api/facade'
import { formatBytes } from '../../lib/blob'
import { useActions, useApp } from '../../store/context'
import { defaultImportTarget } from '../../store/data-slice'
import { ConfirmDialog } from '../common/Dialog'
import { ExportControls } from './ExportControls'
import { ImportStatus } from './ImportStatus'

const number = new Intl.NumberFormat()

function holdings(p: PhoneArchive): string {
  const texts = `${number.format(p.messages)} ${p.messages === 1 ? 'message' : 'messages'} in ${number.format(p.conversations)} ${p.conversations === 1 ? 'conversation' : 'conversations'}`
  return p.imported > 0 ? `${texts} · ${number.format(p.imported)} imported from backups` : texts
}

export function DataSection() {
  const info = useApp((s) => s.dataInfo)
  const job = useApp((s) => s.importJob)
  const { loadDataInfo, importFile } = useActions()
  const [target, setTarget] = useState<DeviceId | null>(null)
  const [deleting, setDeleting] = useState<DeleteTarget | null>(null)
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => {
    void loadDataInfo()
  }, [loadDataInfo])
  if (info === null) return null
  const phones = info.phones
  const chosen = phones.some((p) => p.deviceId === target) ? target : defaultImportTarget(info)
  const busy = job?.state === 'uploading' || job?.state === 'importing'
  return (
    <section aria-labelledby="settings-data">
      <h3 id="settings-data" className="section-title">
        Data
      </h3>
      <dl className="facts">
        <dt>Archive</dt>
        <dd>
          <bdi className="path">{info.location}</bdi>
        </dd>
        <dt>Size</dt>
        <dd>{formatBytes(info.sizeBytes)}</dd>
      </dl>
      {phones.length > 0 && (
        <ul className="archive-list" aria-label="Archives">
          {phones.map((p) => (
            <li key={p.deviceId} className="archive-row" data-archive-id={p.deviceId}>
              <span>
                <bdi className="strong">{p.name}</bdi>
                {!p.paired && <span className="muted"> · not paired</span>}
                <br />
                <span className="muted">{holdings(p)}</span>
              </span>
              <button
                type="button"
                className="button button-danger"
                disabled={busy}
                aria-label={`Delete the archive of ${p.name}`}
                onClick={() => {
                  setDeleting({ deviceId: p.deviceId })
                }}
              >
                Delete archive…
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="import-controls">
        {phones.length > 1 && (
          <label className="inline-label">
            Import into{' '}
            <select
              value={chosen ?? ''}
              onChange={(e) => {
                setTarget(e.target.value)
              }}
            >
              {phones.map((p) => (
                <option key={p.deviceId} value={p.deviceId}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <input
          ref={input}
          type="file"
          accept=".xml,text/xml,application/xml"
          className="visually-hidden"
          aria-label="Backup file to import"
          tabIndex={-1}
          onChange={(e) => {
            const file = e.target.files?.[0]
            e.target.value = ''
            if (file !== undefined) void importFile(file, chosen)
          }}
        />
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => input.current?.click()}
        >
          Import a backup…
        </button>
        {phones.length > 1 && (
          <button
            type="button"
            className="button button-danger"
            disabled={busy}
            onClick={() => {
              setDeleting({ all: true })
            }}
          >
            Delete all archives…
          </button>
        )}
      </div>
      <p className="muted hint">
        SMS Backup &amp; Restore files (sms-….xml) from this or earlier phones. You can also drop
        one on the window.
      </p>
      {job !== null && <ImportStatus job={job} />}
      <ExportControls />
      {deleting !== null && (
        <DeleteConfirm
          target={deleting}
          phones={phones}
          onDone={() => {
            setDeleting(null)
          }}
        />
      )}
    </section>
  )
}

function DeleteConfirm(props: {
  readonly target: DeleteTarget
  readonly phones: readonly PhoneArchive[]
  readonly onDone: () => void
}) {
  const { deleteArchive } = useActions()
  const [error, setError] = useState<string | null>(null)
  const all = 'all' in props.target
  const target = props.target
  const going = all
    ? props.phones
    : props.phones.filter((p) => 'deviceId' in target && p.deviceId === target.deviceId)
  const messages = going.reduce((n, p) => n + p.messages, 0)
  const conversations = going.reduce((n, p) => n + p.conversations, 0)
  const paired = going.filter((p) => p.paired)
  const one = going[0]
  return (
    <ConfirmDialog
      title={
        all || one === undefined ? 'Delete every archive?' : `Delete the archive of ${one.name}?`
      }
      confirmLabel={all ? 'Delete all' : 'Delete archive'}
      danger
      onConfirm={() => {
        deleteArchive(props.target).then(props.onDone, (e: unknown) => {
          setError(errorText(e))
        })
      }}
      onCancel={props.onDone}
    >
      <p>
        This deletes {number.format(messages)} messages in {number.format(conversations)}{' '}
        conversations from this computer, with their pictures and the imported backups.
        {paired.length > 0 &&
          ` ${paired.map((p) => p.name).join(', ')} ${paired.length === 1 ? 'is' : 'are'} unpaired too; pair again to sync what is still on the phone.`}{' '}
        Nothing on the phone is touched. This cannot be undone.
      </p>
      {error !== null && (
        <p className="form-message form-error" role="alert">
          {error}
        </p>
      )}
    </ConfirmDialog>
  )
}
