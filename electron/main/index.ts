// Electron composition root. Everything else in electron/main is plain Node; this file only
// wires the core to Electron's app lifecycle.
import { app } from 'electron'
import { createMainWindow } from './shell/window'

app.enableSandbox()

void app.whenReady().then(() => {
  createMainWindow()
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
