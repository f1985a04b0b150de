// The "To" field: chips for chosen recipients and a combobox of suggestions from the phone's
// address book, with the typed number itself as the first choice when it looks like one.
import { useId, useState, type KeyboardEvent } from 'react'
import { looksLikePhoneNumber } from '../../lib/address'
import type { Recipient } from '../../store/compose-slice'
import { useContactSearch } from './use-contact-search'

const MAX_RECIPIENTS = 20

interface Suggestion {
  readonly key: string
  readonly recipient: Recipient
  readonly detail: string
}

export function RecipientField(props: {
  deviceId: string | null
  recipients: readonly Recipient[]
  onAdd: (r: Recipient) => void
  onRemove: (address: string) => void
}) {
  const [text, setText] = useState('')
  const [active, setActive] = useState(0)
  const contacts = useContactSearch(props.deviceId, text)
  const listId = useId()
  const inputId = useId()

  const suggestions: Suggestion[] = []
  if (looksLikePhoneNumber(text)) {
    const address = text.trim()
    suggestions.push({
      key: `n:${address}`,
      recipient: { address, name: null },
      detail: 'Send to this number',
    })
  }
  for (const c of contacts) {
    for (const n of c.numbers) {
      suggestions.push({
        key: `c:${c.id}:${n.key}`,
        recipient: { address: n.raw, name: c.name },
        detail: `${n.label ?? n.type} ${n.raw}`,
      })
    }
  }
  const open = text.trim().length > 0 && suggestions.length > 0
  const full = props.recipients.length >= MAX_RECIPIENTS

  const choose = (s: Suggestion | undefined) => {
    if (s === undefined || full) return
    if (!props.recipients.some((r) => r.address === s.recipient.address)) props.onAdd(s.recipient)
    setText('')
    setActive(0)
  }
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && open) {
      e.preventDefault()
      setActive((active + 1) % suggestions.length)
    } else if (e.key === 'ArrowUp' && open) {
      e.preventDefault()
      setActive((active - 1 + suggestions.length) % suggestions.length)
    } else if ((e.key === 'Enter' || e.key === 'Tab' || e.key === ',') && open) {
      e.preventDefault()
      choose(suggestions[active])
    } else if (e.key === 'Backspace' && text.length === 0) {
      const last = props.recipients[props.recipients.length - 1]
      if (last !== undefined) props.onRemove(last.address)
    }
  }

  return (
    <div className="recipient-field">
      <label htmlFor={inputId} className="recipient-label">
        To
      </label>
      <ul className="chips" aria-label="Recipients">
        {props.recipients.map((r) => (
          <li key={r.address} className="filter-chip">
            <bdi>{r.name ?? r.address}</bdi>
            <button
              type="button"
              className="chip-remove"
              aria-label={`Remove ${r.name ?? r.address}`}
              onClick={() => {
                props.onRemove(r.address)
              }}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="combobox">
        <input
          id={inputId}
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open ? `${listId}-${active}` : undefined}
          placeholder={full ? 'Up to 20 recipients' : 'Name or number'}
          disabled={full}
          autoComplete="off"
          value={text}
          autoFocus
          onChange={(e) => {
            setText(e.target.value)
            setActive(0)
          }}
          onKeyDown={onKeyDown}
        />
        {open && (
          <ul id={listId} role="listbox" className="suggestions" aria-label="Suggestions">
            {suggestions.map((s, i) => (
              <li
                key={s.key}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'suggestion active' : 'suggestion'}
                onMouseDown={(e) => {
                  e.preventDefault()
                  choose(s)
                }}
              >
                <bdi className="strong">{s.recipient.name ?? s.recipient.address}</bdi>
                <span className="muted">
                  {' '}
                  <bdi>{s.detail}</bdi>
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  )
}
