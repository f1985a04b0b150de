// The preload bridge. It exposes one typed function per use case, derived from the IPC
// contract in shared/; the contract and its handlers arrive with the desktop core.
import { contextBridge } from 'electron'

contextBridge.exposeInMainWorld('textbridge', Object.freeze({}))
