// Deciding, each time the message around a draft's files changes, which files must be done
// again: refused now, newly fitting, or (once the whole no longer fits) larger than their new
// share. Kept apart from the slice so the decision reads, and is tested, on its own; the slice
// does what it is told.
import { refusalText } from '../lib/attach-words'
import { stageName, type Attachable } from '../lib/attachable'
import { fitsBudget, planAttachments, type FilePlan } from '../lib/mms-budget'

export interface DraftFile {
  readonly id: number
  /** The name the user knows it by. */
  readonly name: string
  readonly mime: string
  readonly picture: boolean
  readonly originalSize: number
  /** The bytes that go, once known (smaller than the original for a scaled picture). */
  readonly size: number | null
  readonly scaled: boolean
  /** A blob: URL of what will be sent, for the thumbnail and the bubble while it sends. */
  readonly previewUrl: string | null
  readonly state: 'preparing' | 'staging' | 'ready' | 'refused'
  readonly sent: number
  readonly stageId: string | null
  /** Why it cannot go (state `refused`). */
  readonly problem: string | null
}

/** What the compose box says about the message the files would go in. */
export interface FitContext {
  readonly limit: number
  readonly recipients: number
  readonly textBytes: number
  /** Why nothing can be attached here (the phone cannot send MMS), or null. */
  readonly refusal: string | null
}

/** What the slice keeps of a file outside the state. */
export interface FileSource {
  key: string
  readonly file: File
  readonly attachable: Attachable
  /** Bumped whenever the file is prepared again: older work on it stops. */
  gen: number
  /** The size it is being prepared to, an upper bound until the bytes are known. */
  target: number | null
  /** Unreadable or refused by the core: planning does not try it again. */
  broken: boolean
  /** The size it could not be made to fit: tried again only when the plan offers more. */
  couldNot: number | null
}

export type Step =
  | { readonly kind: 'refuse'; readonly file: DraftFile; readonly problem: string }
  | {
      readonly kind: 'start'
      readonly file: DraftFile
      readonly plan: Exclude<FilePlan, { kind: 'refuse' }>
    }

/** A file just attached: previewed at once from the original, prepared by the queue. */
export function freshFile(id: number, file: File, attachable: Attachable): DraftFile {
  return {
    id,
    name: stageName(file.name),
    mime: attachable.mime,
    picture: attachable.picture,
    originalSize: file.size,
    size: null,
    scaled: false,
    // Replaced by what will be sent once that is ready.
    previewUrl: attachable.picture ? URL.createObjectURL(file) : null,
    state: 'preparing',
    sent: 0,
    stageId: null,
    problem: null,
  }
}

export function sameContext(a: FitContext | undefined, b: FitContext): boolean {
  return (
    a !== undefined &&
    a.limit === b.limit &&
    a.recipients === b.recipients &&
    a.textBytes === b.textBytes &&
    a.refusal === b.refusal
  )
}

/**
 * What to redo. Files still fitting are left alone while the whole fits, even when their share
 * shrank a little: the room kept for typing (mms-budget.ts) is there so that a few more words
 * do not make every picture be scaled again.
 */
export function replan(
  files: readonly DraftFile[],
  sources: ReadonlyMap<number, FileSource>,
  context: FitContext,
): Step[] {
  if (files.length === 0) return []
  const budgetFiles = files.map((f) => {
    const a = sources.get(f.id)?.attachable
    return {
      id: f.id,
      size: f.originalSize,
      scalable: a?.scalable ?? false,
      mustConvert: a?.mustConvert ?? false,
    }
  })
  const plans = planAttachments({ ...context, files: budgetFiles })
  const effective = (f: DraftFile) => f.size ?? sources.get(f.id)?.target ?? f.originalSize
  const live = files.filter((f) => f.state !== 'refused')
  const fits = fitsBudget({ ...context, sizes: live.map(effective) })
  const steps: Step[] = []
  for (const f of files) {
    const src = sources.get(f.id)
    const plan = plans.get(f.id)
    if (src === undefined || plan === undefined || src.broken) continue
    if (plan.kind === 'refuse') {
      const about = { name: f.name, size: f.originalSize, scalable: src.attachable.scalable }
      const problem = refusalText(about, plan.room, context.limit)
      if (f.state !== 'refused' || f.problem !== problem)
        steps.push({ kind: 'refuse', file: f, problem })
    } else if (f.state === 'refused' || src.target === null) {
      const more = plan.kind === 'keep' || src.couldNot === null || plan.target > src.couldNot
      if (more) steps.push({ kind: 'start', file: f, plan })
    } else if (!fits && plan.kind === 'scale' && effective(f) > plan.target) {
      steps.push({ kind: 'start', file: f, plan })
    }
  }
  return steps
}

/** Everything attached is staged and nothing is refused: the files are ready to go. */
export function draftFilesReady(files: readonly DraftFile[]): boolean {
  return files.every((f) => f.state === 'ready')
}
