// Links inside texts open only after the user confirms, and only http(s), because anyone can text
// a link. In Electron the main process shows the native confirmation and
// opens the browser; in web mode this window asks, then opens a new tab without an opener.
import { useCallback } from 'react'
import { errorText } from '../../api/facade'
import { isSafeWebUrl } from '../../lib/links'
import { useActions, useApp, useServices } from '../../store/context'
import { ConfirmDialog } from './Dialog'

export function useOpenLink(): (url: string) => void {
  const { api, host } = useServices()
  const { promptLink, notify } = useActions()
  return useCallback(
    (url: string) => {
      if (!isSafeWebUrl(url)) return
      if (host === 'web') {
        promptLink(url)
        return
      }
      api.links.open({ url }).catch((e: unknown) => {
        notify(`Couldn't open the link: ${errorText(e)}`)
      })
    },
    [api, host, promptLink, notify],
  )
}

export function LinkPrompt() {
  const url = useApp((s) => s.linkPrompt)
  const { promptLink } = useActions()
  if (url === null) return null
  const close = () => {
    promptLink(null)
  }
  const host = new URL(url).hostname
  return (
    <ConfirmDialog
      title="Open this link?"
      confirmLabel="Open link"
      onCancel={close}
      onConfirm={() => {
        close()
        window.open(url, '_blank', 'noopener,noreferrer')
      }}
    >
      <p>
        It came in a text message and opens <bdi className="strong">{host}</bdi> in your browser.
        Only open it if you trust the sender.
      </p>
      <p className="link-preview">
        <bdi>{url}</bdi>
      </p>
    </ConfirmDialog>
  )
}
