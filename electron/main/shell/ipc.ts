// ipcMain handlers for every contract method. Each checks that the call comes from our own
// window's main frame, then goes through the same validating dispatcher as the web bridge.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { IPC_EVENT_CHANNEL, ipcChannel } from '../../../shared/api/bridge'
import { METHOD_NAMES } from '../../../shared/api/contract'
import type { Result } from '../../../shared/api/result'
import { dispatch } from '../../core/api/dispatch'
import type { ApiHandlers, CoreApi } from '../../core/api/handlers'
import type { Logger } from '../../core/log'

export function registerIpc(
  api: CoreApi,
  handlers: ApiHandlers,
  window: BrowserWindow,
  log: Logger,
): () => void {
  const fromOurWindow = (event: IpcMainInvokeEvent): boolean =>
    event.sender === window.webContents &&
    event.senderFrame === window.webContents.mainFrame &&
    event.senderFrame.url.startsWith('file://')
  for (const name of METHOD_NAMES) {
    ipcMain.handle(ipcChannel(name), (event, args: unknown): Promise<Result<unknown>> => {
      if (!fromOurWindow(event)) {
        log.log('warn', 'ipc.foreign_sender', { method: name })
        return Promise.resolve({
          ok: false,
          error: { code: 'invalid_argument', message: 'unknown sender' },
        })
      }
      return dispatch(handlers, name, args, log)
    })
  }
  const unsubscribe = api.onEvent((event) => {
    if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, event)
  })
  return () => {
    unsubscribe()
    for (const name of METHOD_NAMES) ipcMain.removeHandler(ipcChannel(name))
  }
}
