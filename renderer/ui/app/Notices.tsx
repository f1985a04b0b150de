// Short-lived notices for actions that failed in the background, and the polite live region
// that tells screen-reader users about new messages and sends that failed.
import { useEffect } from 'react'
import { useActions, useApp } from '../../store/context'

const NOTICE_MS = 8000

export function Notices() {
  const notices = useApp((s) => s.notices)
  const { dismissNotice } = useActions()
  useEffect(() => {
    if (notices.length === 0) return
    const oldest = notices[0]
    if (oldest === undefined) return
    const timer = setTimeout(() => {
      dismissNotice(oldest.id)
    }, NOTICE_MS)
    return () => {
      clearTimeout(timer)
    }
  }, [notices, dismissNotice])
  return (
    <div className="notices">
      {notices.map((n) => (
        <div
          key={n.id}
          className={`notice notice-${n.tone}`}
          role={n.tone === 'error' ? 'alert' : 'status'}
        >
          <span>{n.text}</span>
          <button
            type="button"
            className="icon-button"
            aria-label="Dismiss"
            onClick={() => {
              dismissNotice(n.id)
            }}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  )
}

export function Announcer() {
  const announcement = useApp((s) => s.announcement)
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true">
      <span key={announcement.seq}>{announcement.text}</span>
    </div>
  )
}
