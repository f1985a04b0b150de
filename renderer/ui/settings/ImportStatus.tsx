// How the import in progress (or the last one) is going, in a bar and in words. The words are a
// polite live region, so a screen reader hears the summary when the import ends.
import type { ImportJob } from '../../../shared/api/data'
import { formatBytes } from '../../lib/blob'
import { useActions } from '../../store/context'

const number = new Intl.NumberFormat()

function words(job: ImportJob): string {
  const counts = `${number.format(job.added)} new, ${number.format(job.present)} already there`
  switch (job.state) {
    case 'uploading':
      return `Reading ${job.fileName}: ${formatBytes(job.bytesDone)} of ${formatBytes(job.totalBytes)}`
    case 'importing':
      return `Importing ${job.fileName}: ${number.format(job.read)} messages read (${counts}) · ${number.format(Math.round(job.rate))} a second`
    case 'complete':
      return `Imported ${job.fileName}: ${counts}.`
    case 'damaged':
      return `${job.fileName}: ${counts}. ${job.detail ?? ''}`
    case 'cancelled':
      return `Import of ${job.fileName} stopped (${counts}). ${job.detail ?? ''}`
    case 'failed':
      return `Import of ${job.fileName} failed (${counts}). ${job.detail ?? ''}`
  }
}

export function ImportStatus({ job }: { readonly job: ImportJob }) {
  const { cancelImport } = useActions()
  const active = job.state === 'uploading' || job.state === 'importing'
  return (
    <div className={`import-status import-${job.state}`} data-import-state={job.state}>
      {active && (
        <div className="import-bar">
          <progress
            aria-label={job.state === 'uploading' ? 'Reading the file' : 'Importing'}
            value={job.bytesDone}
            max={Math.max(job.totalBytes, 1)}
          />
          <button
            type="button"
            className="button"
            onClick={() => {
              void cancelImport()
            }}
          >
            Stop import
          </button>
        </div>
      )}
      <p
        className={job.state === 'damaged' || job.state === 'failed' ? 'form-error' : 'muted'}
        role="status"
        aria-label="Import"
      >
        <bdi>{words(job)}</bdi>
      </p>
    </div>
  )
}
