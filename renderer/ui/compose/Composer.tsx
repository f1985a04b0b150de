// The compose box: Enter sends, Shift+Enter starts a new line, the counter says how many SMS
// parts the text becomes, and on dual-SIM phones a picker chooses the SIM for this text.
import { useEffect, useId, useRef, useState, type SubmitEvent, type KeyboardEvent } from 'react'
import type { ConversationId } from '../../../shared/model'
import type { SimInfo } from '../../../shared/model'
import { MAX_SEND_BODY } from '../../../shared/api/contract'
import type { SendTarget } from '../../store/compose-slice'
import { useActions, useApp } from '../../store/context'
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
  readonly autoFocus?: boolean
}

export function Composer(props: ComposerProps) {
  const { draftKey, target, sims, conversationId, conversationSub } = props
  const text = useApp((s) => s.drafts[draftKey] ?? '')
  const chosen = useApp((s) => (conversationId === null ? undefined : s.simChoice[conversationId]))
  const { setDraft, send, chooseSim } = useActions()
  const box = useRef<HTMLTextAreaElement>(null)
  const counterId = useId()
  const dualSim = sims.length > 1
  // A new conversation has no id to remember the choice under yet: keep it here until sent.
  const [localChoice, setLocalChoice] = useState<number | undefined>(undefined)
  const stored = conversationId === null ? localChoice : chosen
  const subId = dualSim ? (stored ?? defaultSim(sims, conversationSub)) : null
  const sendable = target !== null && text.trim().length > 0 && text.length <= MAX_SEND_BODY

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
      <div className="composer-box">
        <textarea
          ref={box}
          className="composer-input"
          aria-label="Message"
          aria-describedby={counterId}
          placeholder={target === null ? 'Add a recipient first' : 'Text message'}
          rows={1}
          dir="auto"
          value={text}
          disabled={target === null}
          onChange={(e) => {
            setDraft(draftKey, e.target.value)
          }}
          onKeyDown={onKeyDown}
        />
        <SegmentCounter text={text} id={counterId} />
      </div>
      <button type="submit" className="send-button" aria-label="Send" disabled={!sendable}>
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M3.4 20.4 21 12 3.4 3.6 3.4 10l12 2-12 2z" fill="currentColor" />
        </svg>
      </button>
    </form>
  )
}
