// What the window is told of an import as it goes: one record, replaced as the upload and then
// the import move on, and kept once it ended so Settings can still show how it went.
import type { ImportJob } from '../../../shared/api/data'
import type { ImportProgress, ImportResult } from '../backup/import/import-file'

const number = new Intl.NumberFormat('en')

export function uploading(fileName: string, received: number, size: number): ImportJob {
  return {
    fileName,
    state: 'uploading',
    deviceId: null,
    bytesDone: received,
    totalBytes: size,
    read: 0,
    added: 0,
    present: 0,
    rate: 0,
    detail: null,
  }
}

export function importing(
  job: ImportJob,
  deviceId: string | null,
  progress: ImportProgress | null,
): ImportJob {
  return {
    ...job,
    state: 'importing',
    deviceId,
    bytesDone: progress?.bytesRead ?? 0,
    read: progress?.read ?? 0,
    added: progress?.added ?? 0,
    present: progress?.present ?? 0,
    rate: progress?.rate ?? 0,
  }
}

export function finished(job: ImportJob, result: ImportResult): ImportJob {
  const base = { ...importing(job, result.deviceId, result), state: result.outcome }
  if (result.outcome === 'damaged' && result.damage !== null) {
    const { line, column, reason } = result.damage
    return {
      ...base,
      detail: `The file is damaged at line ${line}, column ${column} (${reason}). The ${number.format(result.read)} messages before it were kept; import the repaired file to add the rest.`,
    }
  }
  if (result.outcome === 'cancelled') {
    return {
      ...base,
      detail: `Stopped after ${number.format(result.read)} messages. Import the same file again to go on from there.`,
    }
  }
  return { ...base, bytesDone: job.totalBytes }
}

export function failed(job: ImportJob, detail: string): ImportJob {
  return { ...job, state: 'failed', detail }
}

export function cancelledUpload(job: ImportJob): ImportJob {
  return { ...job, state: 'cancelled', detail: 'Stopped before the file had arrived.' }
}
