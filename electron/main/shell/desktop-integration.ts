// Things only the main process may decide: notifications for new texts while the window is in
// the background, opening links (http and https only, after the user confirms), and confirming a text to
// a number that has no conversation yet (confirmed by the main process, not only by the
// renderer, so a compromised page cannot text strangers on its own).
import { join } from 'node:path'
import { dialog, Notification, shell, type BrowserWindow } from 'electron'
import type { CoreApi } from '../../core/api/handlers'

export function notifyIncoming(
  api: CoreApi,
  window: BrowserWindow,
  emitOpen: (conversationId: number) => void,
): () => void {
  return api.onEvent((event) => {
    if (event.type !== 'incoming' || window.isDestroyed() || window.isFocused()) return
    if (!Notification.isSupported()) return
    const notification = new Notification({
      title: event.title,
      body: event.snippet,
      silent: false,
    })
    notification.on('click', () => {
      if (window.isMinimized()) window.restore()
      window.focus()
      emitOpen(event.conversationId)
    })
    notification.show()
  })
}

export async function confirmAndOpenLink(window: BrowserWindow, url: string): Promise<boolean> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  // The same two schemes the window turns into links: refusing one here would make its link do
  // nothing at all. Plain http is said to be unencrypted, so the choice is informed.
  if ((parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || parsed.hostname === '')
    return false
  const plain = parsed.protocol === 'http:'
  const { response } = await dialog.showMessageBox(window, {
    type: plain ? 'warning' : 'question',
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: 'Open this link in your browser?',
    detail: plain
      ? `${parsed.href}\n\nThis link is not encrypted (http): what you see there may not be what the sender meant.`
      : parsed.href,
  })
  if (response !== 0) return false
  await shell.openExternal(parsed.href)
  return true
}

export async function confirmNewRecipient(
  window: BrowserWindow,
  addresses: readonly string[],
  phone: string,
): Promise<boolean> {
  const { response } = await dialog.showMessageBox(window, {
    type: 'question',
    buttons: ['Send', 'Cancel'],
    defaultId: 0,
    cancelId: 1,
    message: `Send a text to ${addresses.join(', ')}?`,
    detail: `It will be sent from ${phone}, as a normal text from your own number.`,
  })
  return response === 0
}

/** Where an export or a saved attachment goes, chosen in the system's own save dialog. */
export async function chooseSavePath(
  window: BrowserWindow,
  suggestedName: string,
  purpose: 'export' | 'attachment',
  folder: string,
): Promise<string | null> {
  const { canceled, filePath } = await dialog.showSaveDialog(window, {
    title: purpose === 'export' ? 'Export messages' : 'Save attachment',
    defaultPath: join(folder, suggestedName),
  })
  return canceled || filePath === '' ? null : filePath
}
