// The two slow steps of attaching a file, kept apart from the slice's bookkeeping: making it fit
// (a picture re-encoded smaller, or the file as it is) and staging its bytes with the core in
// order, chunk by chunk. Both check `alive` after every wait, so a file removed or re-planned
// meanwhile stops at once instead of staging bytes nobody will send.
import { STAGE_CHUNK_BYTES, type AttachmentMime } from '../../shared/api/compose'
import type { Api } from '../api/facade'
import { jpegName, stageName, type Attachable } from '../lib/attachable'
import { base64OfBlob } from '../lib/blob'
import type { FilePlan } from '../lib/mms-budget'
import { scaleToFit } from '../lib/scale-image'

export interface Prepared {
  readonly blob: Blob
  readonly name: string
  readonly mime: AttachmentMime
  readonly scaled: boolean
}

/** Thrown when the file cannot go; the message is the sentence to show. */
export class Unsendable extends Error {
  override readonly name = 'Unsendable'
}

/** The bytes to stage for a file under its plan, or null when a smaller picture cannot fit. */
export async function prepare(
  file: File,
  attachable: Attachable,
  plan: Exclude<FilePlan, { kind: 'refuse' }>,
): Promise<Prepared | null> {
  const name = stageName(file.name)
  if (plan.kind === 'keep') return { blob: file, name, mime: attachable.mime, scaled: false }
  let blob: Blob | null
  try {
    blob = await scaleToFit(file, plan.target)
  } catch {
    throw new Unsendable(`${name} couldn't be read as a picture.`)
  }
  if (blob === null) return null
  return { blob, name: stageName(jpegName(name)), mime: 'image/jpeg', scaled: true }
}

/**
 * Stages the bytes and answers the stage id, or null when `alive` turned false on the way (the
 * core's copy is then dropped here). `onStageId` hears the id as soon as the core gives it, so a
 * removal during the upload can drop it too.
 */
export async function stage(
  api: Api,
  prepared: Prepared,
  alive: () => boolean,
  onStageId: (stageId: string) => void,
  onProgress: (sent: number) => void,
): Promise<string | null> {
  const { blob } = prepared
  const { stageId } = await api.compose.stage({
    name: prepared.name,
    mime: prepared.mime,
    size: blob.size,
  })
  const dropped = () => {
    void api.compose.unstage({ stageId }).catch(() => undefined)
    return null
  }
  if (!alive()) return dropped()
  onStageId(stageId)
  // In order, one at a time: the core takes each chunk only where the last one ended.
  for (let offset = 0; offset < blob.size; offset += STAGE_CHUNK_BYTES) {
    const data = await base64OfBlob(blob.slice(offset, offset + STAGE_CHUNK_BYTES))
    if (!alive()) return dropped()
    const { received } = await api.compose.stageChunk({ stageId, offset, data })
    if (!alive()) return dropped()
    onProgress(received)
  }
  return stageId
}
