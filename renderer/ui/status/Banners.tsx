// Window-wide warnings: the link to the desktop core (web mode), and keys stored without the
// operating system's protection, which the user should know about rather than assume.
import type { LinkState } from '../../api/transport'
import { useApp, useServices } from '../../store/context'
import { useNow } from '../common/use-now'

export function LinkBanner() {
  const link = useApp((s) => s.link)
  const { reconnectNow } = useServices()
  const now = useNow(1000, link.state === 'retrying')
  if (link.state === 'open' || link.state === 'no_token') return null
  return (
    <div className="banner banner-warn" role="alert" data-link={link.state}>
      <span>{linkText(link, now)}</span>
      {link.state === 'retrying' && (
        <button type="button" className="text-button" onClick={reconnectNow}>
          Retry now
        </button>
      )}
    </div>
  )
}

function linkText(link: LinkState, now: number): string {
  if (link.state === 'retrying') {
    const seconds = Math.max(0, Math.ceil((link.retryAt - now) / 1000))
    return `Lost the connection to Textbridge on this computer. Retrying in ${seconds} s…`
  }
  return 'Connecting to Textbridge on this computer…'
}

export function KeyWarning() {
  const warning = useApp((s) => s.info?.keyWarning ?? null)
  if (warning === null) return null
  return (
    <div className="banner banner-bad" role="alert">
      <strong>Key storage:</strong> <span>{warning}</span>
    </div>
  )
}

export function NoTokenScreen() {
  return (
    <main className="center-screen">
      <div className="card">
        <h1>Open Textbridge from its link</h1>
        <p>
          This page needs the one-time link Textbridge printed when it started (it ends with
          <code> #token=…</code>). Open that link again, or restart Textbridge to get a new one.
        </p>
      </div>
    </main>
  )
}
