// "Can't find your phone?": pair by typing the address the phone's app shows, for networks
// where discovery (mDNS) is blocked.
import { useId, useState, type SubmitEvent } from 'react'
import { parseHostPort } from '../../lib/address'
import { useActions } from '../../store/context'

export function AddressForm() {
  const { pairByAddress } = useActions()
  const [text, setText] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const inputId = useId()
  const submit = (e: SubmitEvent) => {
    e.preventDefault()
    const target = parseHostPort(text)
    if (target === null) {
      setProblem('Type the address shown on the phone, like 192.168.1.20 or 192.168.1.20:47800.')
      return
    }
    setProblem(null)
    void pairByAddress(target.host, target.port)
  }
  return (
    <details className="address-form">
      <summary>Can’t find your phone? Connect by address</summary>
      <form className="inline-form" onSubmit={submit}>
        <label htmlFor={inputId}>Phone address (shown in Textbridge on the phone)</label>
        <div className="inline-row">
          <input
            id={inputId}
            value={text}
            placeholder="192.168.1.20"
            inputMode="url"
            onChange={(e) => {
              setText(e.target.value)
            }}
          />
          <button type="submit" className="button">
            Connect
          </button>
        </div>
        {problem !== null && (
          <p className="form-message form-error" role="alert">
            {problem}
          </p>
        )}
      </form>
    </details>
  )
}
