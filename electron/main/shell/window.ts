// The one BrowserWindow, locked down because it renders text strangers send: sandboxed,
// isolated, no Node, no navigation away from the app and no new windows.
import { BrowserWindow } from 'electron'
import { fileURLToPath } from 'node:url'

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1180,
    height: 780,
    minWidth: 720,
    minHeight: 480,
    title: 'Textbridge',
    show: false,
    webPreferences: {
      preload: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  })
  window.webContents.on('will-navigate', (event) => {
    event.preventDefault()
  })
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  window.once('ready-to-show', () => {
    window.show()
  })
  void window.loadFile(fileURLToPath(new URL('../renderer/index.html', import.meta.url)))
  return window
}
