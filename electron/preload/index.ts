// The preload bridge (sandboxed, context-isolated): one function per use case from the contract
// in shared/api, and one event subscription. ipcRenderer itself is never exposed.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { METHOD_NAMES, type MethodName } from '../../shared/api/contract'
import { IPC_EVENT_CHANNEL, ipcChannel, type TextbridgeBridge } from '../../shared/api/bridge'
import type { CoreEvent } from '../../shared/api/events'

const methods = Object.fromEntries(
  METHOD_NAMES.map((name: MethodName) => [
    name,
    (args: unknown) => ipcRenderer.invoke(ipcChannel(name), args),
  ]),
) as unknown as TextbridgeBridge['methods']

const bridge: TextbridgeBridge = {
  methods: Object.freeze(methods),
  onEvent(listener) {
    const handler = (_event: IpcRendererEvent, payload: CoreEvent) => {
      listener(payload)
    }
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler)
    return () => {
      ipcRenderer.off(IPC_EVENT_CHANNEL, handler)
    }
  },
}

contextBridge.exposeInMainWorld('textbridge', Object.freeze(bridge))
