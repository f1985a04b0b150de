// Window-level state that belongs to no domain: which overlay is open, short notices (toasts)
// for failed actions, the text of the polite live region for screen readers, and the picture
// shown full size. That picture lives here rather than in its bubble: the virtual list may
// unmount the bubble while the picture is open.
import type { AttachmentMeta, MessageId } from '../../shared/model'
import type { SliceCreator } from './types'

export type Overlay = 'none' | 'settings' | 'pairing'

export interface Notice {
  readonly id: number
  readonly text: string
  readonly tone: 'info' | 'error'
}

/** A picture opened full size: which part of which message, and whom it is from. */
export interface Lightbox {
  readonly messageId: MessageId
  readonly part: AttachmentMeta
  readonly from: string
}

export interface UiSlice {
  readonly overlay: Overlay
  readonly notices: readonly Notice[]
  /** The latest thing to announce; `seq` changes even when the text repeats. */
  readonly announcement: { readonly text: string; readonly seq: number }
  /** Web mode: a link waiting for the user's confirmation before it opens. */
  readonly linkPrompt: string | null
  readonly lightbox: Lightbox | null
  readonly showPicture: (lightbox: Lightbox | null) => void
  readonly openOverlay: (overlay: Overlay) => void
  readonly notify: (text: string, tone?: Notice['tone']) => void
  readonly dismissNotice: (id: number) => void
  readonly announce: (text: string) => void
  readonly promptLink: (url: string | null) => void
}

const MAX_NOTICES = 3

export const createUiSlice = (): SliceCreator<UiSlice> => (set, get) => {
  let nextNotice = 1
  return {
    overlay: 'none',
    notices: [],
    announcement: { text: '', seq: 0 },
    linkPrompt: null,
    lightbox: null,
    showPicture: (lightbox) => {
      set({ lightbox })
    },
    openOverlay: (overlay) => {
      set({ overlay })
    },
    notify: (text, tone = 'error') => {
      const notice = { id: nextNotice++, text, tone }
      set({ notices: [...get().notices, notice].slice(-MAX_NOTICES) })
    },
    dismissNotice: (id) => {
      set({ notices: get().notices.filter((n) => n.id !== id) })
    },
    announce: (text) => {
      set({ announcement: { text, seq: get().announcement.seq + 1 } })
    },
    promptLink: (linkPrompt) => {
      set({ linkPrompt })
    },
  }
}
