// A modal dialog: labelled, traps Tab inside, closes on Escape or a click outside, and gives
// focus back to whatever opened it. (Written rather than <dialog>.showModal() so it behaves the
// same in the test DOM and in every Chromium this runs in.)
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react'

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

export interface DialogProps {
  readonly title: string
  readonly onClose: () => void
  readonly children: ReactNode
  readonly wide?: boolean
  /** `alertdialog` for confirmations that interrupt (unpair, open a link). */
  readonly role?: 'dialog' | 'alertdialog'
  /** The panel's classes, for a dialog laid out unlike the others (a picture). */
  readonly className?: string
}

export function Dialog(props: DialogProps) {
  const { title, onClose, children, wide = false, role = 'dialog' } = props
  const titleId = useId()
  const panel = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    const first = panel.current?.querySelector<HTMLElement>('[data-autofocus]')
    ;(first ?? panel.current?.querySelector<HTMLElement>(FOCUSABLE) ?? panel.current)?.focus()
    return () => {
      opener?.focus()
    }
  }, [])

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation()
      onClose()
      return
    }
    if (e.key !== 'Tab' || panel.current === null) return
    const items = [...panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)]
    const first = items[0]
    const last = items[items.length - 1]
    if (first === undefined || last === undefined) return
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault()
      last.focus()
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault()
      first.focus()
    }
  }

  return (
    <div
      className="backdrop"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onClose()
      }}
    >
      <div
        ref={panel}
        className={props.className ?? (wide ? 'dialog dialog-wide' : 'dialog')}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        {children}
      </div>
    </div>
  )
}

export function ConfirmDialog(props: {
  readonly title: string
  readonly children: ReactNode
  readonly confirmLabel: string
  readonly danger?: boolean
  readonly onConfirm: () => void
  readonly onCancel: () => void
}) {
  return (
    <Dialog title={props.title} onClose={props.onCancel} role="alertdialog">
      <div className="dialog-body">{props.children}</div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={props.onCancel} data-autofocus>
          Cancel
        </button>
        <button
          type="button"
          className={props.danger === true ? 'button button-danger' : 'button button-primary'}
          onClick={props.onConfirm}
        >
          {props.confirmLabel}
        </button>
      </div>
    </Dialog>
  )
}
