// The files attached to each draft, from the moment they are picked, pasted or dropped until the
// text that carries them is sent. Each file is planned against the SIM's MMS limit
// (lib/mms-budget.ts), made to fit, and staged with the core; the compose box tells this slice
// what the message around the files is (limit, recipients, text) and everything is planned again
// when that no longer fits. The File and the prepared bytes stay out of the state, which holds
// only what the window shows.
import { MAX_SEND_ATTACHMENTS } from '../../shared/api/compose'
import { errorText } from '../api/facade'
import { attachableOf } from '../lib/attachable'
import { refusalText, tooManyText, unsupportedText } from '../lib/attach-words'
import { fitsBudget, type FilePlan } from '../lib/mms-budget'
import {
  freshFile,
  replan,
  sameContext,
  type DraftFile,
  type FileSource,
  type FitContext,
} from './draft-files-plan'
import { prepare, stage, Unsendable } from './draft-files-work'
import type { SliceCreator, StoreDeps } from './types'

export type { DraftFile, FitContext } from './draft-files-plan'
export { draftFilesReady } from './draft-files-plan'

const NONE: readonly DraftFile[] = []

export interface DraftFilesSlice {
  readonly draftFiles: Readonly<Record<string, readonly DraftFile[]>>
  readonly setFitContext: (key: string, context: FitContext) => void
  readonly attachFiles: (key: string, files: readonly File[]) => void
  readonly removeDraftFile: (key: string, id: number) => void
  /** A new conversation's draft moving into the existing conversation it turned out to be. */
  readonly moveDraftFiles: (from: string, to: string) => void
  /**
   * Hands a draft's files to a send: they leave the draft, previews and staged copies with them.
   * Null (and nothing changes) unless every file is staged and they fit the message.
   */
  readonly takeDraftFiles: (key: string) => readonly DraftFile[] | null
}

export const createDraftFilesSlice =
  ({ api }: StoreDeps): SliceCreator<DraftFilesSlice> =>
  (set, get) => {
    const sources = new Map<number, FileSource>()
    const contexts = new Map<string, FitContext>()
    let nextId = 1
    // One file at a time is decoded, scaled and staged: a 12-megapixel photo decodes to ~48 MB,
    // and the chunks of one file must arrive in order anyway.
    let queue: Promise<void> = Promise.resolve()

    const filesOf = (key: string) => get().draftFiles[key] ?? NONE
    const patch = (id: number, change: Partial<DraftFile>) => {
      const key = sources.get(id)?.key
      if (key === undefined) return
      const list = filesOf(key).map((f) => (f.id === id ? { ...f, ...change } : f))
      set({ draftFiles: { ...get().draftFiles, [key]: list } })
    }
    const revoke = (url: string | null) => {
      if (url !== null) URL.revokeObjectURL(url)
    }
    // A file whose work is over holds its staged copy alone; one still in work drops its own.
    const release = (f: DraftFile) => {
      if (f.state === 'ready' && f.stageId !== null) {
        void api.compose.unstage({ stageId: f.stageId }).catch(() => undefined)
      }
    }
    const refuse = (f: DraftFile, problem: string) => {
      const src = sources.get(f.id)
      if (src !== undefined) {
        src.gen++
        src.target = null
      }
      release(f)
      // The thumbnail stays: it shows which of the files this is.
      patch(f.id, {
        state: 'refused',
        problem,
        stageId: null,
        size: null,
        scaled: false,
        sent: 0,
      })
    }

    const work = async (id: number, gen: number, plan: Exclude<FilePlan, { kind: 'refuse' }>) => {
      const alive = () => sources.get(id)?.gen === gen
      const src = sources.get(id)
      if (src === undefined || !alive()) return
      const current = () => filesOf(src.key).find((f) => f.id === id)
      try {
        const prepared = await prepare(src.file, src.attachable, plan)
        if (!alive()) return
        const file = current()
        if (file === undefined) return
        if (prepared === null) {
          const room = plan.kind === 'scale' ? plan.target : 0
          src.couldNot = room
          const about = { name: file.name, size: file.originalSize, scalable: true }
          refuse(file, refusalText(about, room, contexts.get(src.key)?.limit ?? 0))
          return
        }
        revoke(file.previewUrl)
        const previewUrl = src.attachable.picture ? URL.createObjectURL(prepared.blob) : null
        patch(id, {
          state: 'staging',
          size: prepared.blob.size,
          scaled: prepared.scaled,
          mime: prepared.mime,
          previewUrl,
          sent: 0,
        })
        src.target = prepared.blob.size
        const stageId = await stage(
          api,
          prepared,
          alive,
          (s) => {
            patch(id, { stageId: s })
          },
          (sent) => {
            patch(id, { sent })
          },
        )
        if (stageId !== null && alive()) patch(id, { state: 'ready' })
      } catch (e) {
        const file = current()
        if (!alive() || file === undefined) return
        src.broken = true
        // The core's refusals name the file already (it is not the picture it says it is).
        refuse(file, e instanceof Unsendable ? e.message : errorText(e))
      }
    }

    const start = (f: DraftFile, plan: Exclude<FilePlan, { kind: 'refuse' }>) => {
      const src = sources.get(f.id)
      if (src === undefined) return
      const gen = ++src.gen
      src.target = plan.kind === 'scale' ? plan.target : f.originalSize
      release(f)
      patch(f.id, { state: 'preparing', stageId: null, size: null, sent: 0, problem: null })
      queue = queue
        .then(() => work(f.id, gen, plan))
        .catch((e: unknown) => {
          console.error(e)
        })
    }

    /** Plans the draft again; only files that no longer fit (or newly can) are redone. */
    const refit = (key: string) => {
      const context = contexts.get(key)
      if (context === undefined) return
      for (const step of replan(filesOf(key), sources, context)) {
        if (step.kind === 'refuse') refuse(step.file, step.problem)
        else start(step.file, step.plan)
      }
    }

    return {
      draftFiles: {},
      setFitContext: (key, context) => {
        if (sameContext(contexts.get(key), context)) return
        contexts.set(key, context)
        refit(key)
      },
      attachFiles: (key, files) => {
        const context = contexts.get(key)
        if (context === undefined) {
          get().notify('Open a conversation to attach files to a message.')
          return
        }
        if (context.refusal !== null) {
          get().notify(`${context.refusal}.`)
          return
        }
        const existing = filesOf(key)
        const added: DraftFile[] = []
        const unsupported: string[] = []
        let leftOut = 0
        for (const file of files) {
          const attachable = attachableOf(file)
          if (attachable === null || file.size === 0) {
            unsupported.push(file.name)
            continue
          }
          if (existing.length + added.length >= MAX_SEND_ATTACHMENTS) {
            leftOut++
            continue
          }
          const id = nextId++
          const src = { key, file, attachable, gen: 0, target: null, broken: false, couldNot: null }
          sources.set(id, src)
          added.push(freshFile(id, file, attachable))
        }
        if (unsupported.length > 0) get().notify(unsupportedText(unsupported))
        if (leftOut > 0) get().notify(tooManyText(leftOut))
        if (added.length === 0) return
        set({ draftFiles: { ...get().draftFiles, [key]: [...existing, ...added] } })
        get().announce(
          added.length === 1
            ? `${added[0]?.name ?? 'A file'} attached`
            : `${added.length} files attached`,
        )
        refit(key)
      },
      removeDraftFile: (key, id) => {
        const f = filesOf(key).find((x) => x.id === id)
        if (f === undefined) return
        release(f)
        revoke(f.previewUrl)
        sources.delete(id)
        set({ draftFiles: { ...get().draftFiles, [key]: filesOf(key).filter((x) => x.id !== id) } })
        refit(key)
      },
      moveDraftFiles: (from, to) => {
        const moving = filesOf(from)
        if (moving.length === 0 || from === to) return
        for (const f of moving) {
          const src = sources.get(f.id)
          if (src !== undefined) src.key = to
        }
        set({
          draftFiles: { ...get().draftFiles, [from]: NONE, [to]: [...filesOf(to), ...moving] },
        })
        refit(to)
      },
      takeDraftFiles: (key) => {
        const files = filesOf(key)
        if (files.some((f) => f.state !== 'ready' || f.stageId === null)) return null
        const context = contexts.get(key)
        if (files.length > 0 && context !== undefined && context.refusal !== null) return null
        if (context !== undefined) {
          const sizes = files.map((f) => f.size ?? f.originalSize)
          if (!fitsBudget({ ...context, sizes })) return null
        }
        for (const f of files) sources.delete(f.id)
        set({ draftFiles: { ...get().draftFiles, [key]: NONE } })
        return files
      },
    }
  }
