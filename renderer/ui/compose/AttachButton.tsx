// The paper clip beside the compose box: opens the system's file picker for pictures and the
// other files MMS carries. When nothing can be attached it stays in place, focusable, with the
// reason as its description and tooltip, so the missing feature is explained, not hidden.
import { useId, useRef } from 'react'
import { ACCEPT } from '../../lib/attachable'

export const ATTACH_LABEL = 'Attach a picture or file'

export function AttachButton(props: {
  /** Why files cannot be attached here, or null when they can. */
  readonly refusal: string | null
  readonly onFiles: (files: File[]) => void
}) {
  const input = useRef<HTMLInputElement>(null)
  const reasonId = useId()
  const disabled = props.refusal !== null
  return (
    <>
      <button
        type="button"
        className="attach-button"
        aria-label={ATTACH_LABEL}
        aria-disabled={disabled}
        aria-describedby={disabled ? reasonId : undefined}
        title={props.refusal ?? ATTACH_LABEL}
        onClick={() => {
          if (!disabled) input.current?.click()
        }}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M16.5 6.5v10a4.5 4.5 0 0 1-9 0V5a3 3 0 0 1 6 0v10.5a1.5 1.5 0 0 1-3 0V6.5H9v9a3 3 0 0 0 6 0V5a4.5 4.5 0 0 0-9 0v11.5a6 6 0 0 0 12 0v-10z"
          />
        </svg>
      </button>
      {disabled && (
        <span id={reasonId} className="visually-hidden">
          {props.refusal}
        </span>
      )}
      <input
        ref={input}
        type="file"
        className="visually-hidden"
        multiple
        accept={ACCEPT}
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? [])
          // Cleared, so choosing the same file again (after removing it) is a change too.
          e.target.value = ''
          if (files.length > 0) props.onFiles(files)
        }}
      />
    </>
  )
}
