// The compose box: Enter sends, Shift+Enter starts a new line, the counter says how many SMS
// parts the text becomes, and on dual-SIM phones a picker chooses the SIM for this text. Files
// come in by the paper clip, by pasting a picture, or by dropping them on the window (FileDrop);
// the box offers only what the phone can send, and says why when it cannot.
import {
  useEffect,
  useId,
  useRef,
  useState,
  type ClipboardEvent,
  type KeyboardEvent,
  type SubmitEvent,
} from 'react'
import { DEFAULT_MMS_MAX_BYTES, mmsLimitFor } from '../../../shared/api/compose'
import { MAX_SEND_BODY } from '../../../shared/api/contract'
import type { ConversationId, DeviceSending, SimInfo } from '../../../shared/model'
import { NO_MMS_REASON, NO_RECIPIENT_REASON } from '../../lib/attach-words'
import { utf8Length } from '../../lib/mms-budget'
import type { SendTarget } from '../../store/compose-slice'
import { useActions, useApp } from '../../store/context'
import { draftFilesReady, type DraftFile } from '../../store/draft-files-slice'
import { AttachButton } from './AttachButton'
import { AttachmentTray } from './AttachmentTray'
import { MmsSize } from './MmsSize'
import { SegmentCounter } from './SegmentCounter'
import { defaultSim, SimPicker } from './SimPicker'

export interface ComposerProps {
  readonly draftKey: string
  /** Null while there is nobody to send to yet (new conversation without recipients). */
  readonly target: SendTarget | null
  readonly sims: readonly SimInfo[]
  /** The conversation, to remember a SIM choice per conversation. */
  readonly conversationId: ConversationId | null
  /** The SIM of the conversation's last message: the default for a reply. */
  readonly conversationSub: number | null
  /** What the phone can send besides one-to-one texts; null when the phone is not known. */
  readonly sending: DeviceSending | null
  /** How many people the text goes to. */
  readonly recipients: number
  /** Why nothing can be sent from here (a group this phone cannot text), or null. */
  readonly blocked: string | null
  readonly autoFocus?: boolean
}

const NO_FILES: readonly DraftFile[] = []

export function Composer(props: ComposerProps) {
  const { draftKey, target, sims, conversationId, conversationSub, sending, blocked } = props
  const text = useApp((s) => s.drafts[draftKey] ?? '')
  const files = useApp((s) => s.draftFiles[draftKey] ?? NO_FILES)
  const chosen = useApp((s) => (conversationId === null ? undefined : s.simChoice[conversationId]))
  const { setDraft, send, chooseSim, attachFiles, setFitContext } = useActions()
  const box = useRef<HTMLTextAreaElement>(null)
  const counterId = useId()
  const dualSim = sims.length > 1
  // A new conversation has no id to remember the choice under yet: keep it here until sent.
  const [localChoice, setLocalChoice] = useState<number | undefined>(undefined)
  const stored = conversationId === null ? localChoice : chosen
  const subId = dualSim ? (stored ?? defaultSim(sims, conversationSub)) : null
  // The core's own rule for the limit a send is held to (the chosen SIM's, else the smallest of
  // the SIMs the phone might pick), so the pictures are scaled to what it will accept.
  const limit =
    sims.length > 0
      ? mmsLimitFor(sims, subId, conversationSub)
      : (sending?.mmsMaxBytes ?? DEFAULT_MMS_MAX_BYTES)
  const recipients = Math.max(1, props.recipients)
  const textBytes = utf8Length(text)
  const refusal =
    target === null
      ? NO_RECIPIENT_REASON
      : blocked !== null
        ? blocked
        : sending?.mms !== true
          ? NO_MMS_REASON
          : null
  const filesReady = draftFilesReady(files) && (files.length === 0 || refusal === null)
  const sendable =
    target !== null &&
    blocked === null &&
    text.length <= MAX_SEND_BODY &&
    (text.trim().length > 0 || files.length > 0) &&
    filesReady
  const mms = files.length > 0 || recipients > 1

  useEffect(() => {
    setFitContext(draftKey, { limit, recipients, textBytes, refusal })
  }, [setFitContext, draftKey, limit, recipients, textBytes, refusal])

  useEffect(() => {
    if (props.autoFocus !== false) box.current?.focus()
  }, [draftKey, props.autoFocus])

  const submit = (e?: SubmitEvent) => {
    e?.preventDefault()
    if (target === null || !sendable) return
    send(draftKey, target, text, subId)
    box.current?.focus()
  }
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // isComposing: Enter that confirms an IME candidate must not send half a word.
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault()
      submit()
    }
  }
  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    // A copied picture arrives as a file; a paste of words goes into the box as usual.
    const pasted = Array.from(e.clipboardData.files)
    if (pasted.length === 0) return
    e.preventDefault()
    attachFiles(draftKey, pasted)
  }

  return (
    <form className="composer" onSubmit={submit}>
      {dualSim && (
        <SimPicker
          sims={sims}
          value={subId}
          onChange={(sub) => {
            if (conversationId !== null) chooseSim(conversationId, sub)
            else setLocalChoice(sub)
          }}
        />
      )}
      <AttachButton
        refusal={refusal}
        onFiles={(picked) => {
          attachFiles(draftKey, picked)
        }}
      />
      <div className="composer-box">
        <AttachmentTray draftKey={draftKey} onRemoved={() => box.current?.focus()} />
        <textarea
          ref={box}
          className="composer-input"
          aria-label="Message"
          aria-describedby={counterId}
          placeholder={
            target === null
              ? 'Add a recipient first'
              : files.length > 0
                ? 'Add a caption (optional)'
                : 'Text message'
          }
          rows={1}
          dir="auto"
          value={text}
          disabled={target === null || blocked !== null}
          onChange={(e) => {
            setDraft(draftKey, e.target.value)
          }}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
        />
        {blocked !== null ? (
          <span id={counterId} className="segments composer-blocked">
            {blocked}
          </span>
        ) : mms && text.length <= MAX_SEND_BODY ? (
          <MmsSize
            id={counterId}
            files={files}
            textBytes={textBytes}
            recipients={recipients}
            limit={limit}
          />
        ) : (
          <SegmentCounter text={text} id={counterId} />
        )}
      </div>
      <button
        type="submit"
        className="send-button"
        aria-label="Send"
        title={draftFilesReady(files) ? undefined : 'Waiting for the attachments'}
        disabled={!sendable}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M3.4 20.4 21 12 3.4 3.6 3.4 10l12 2-12 2z" fill="currentColor" />
        </svg>
      </button>
    </form>
  )
}
