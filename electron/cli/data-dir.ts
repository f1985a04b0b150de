// The desktop app's own data folder, found the way Electron names it (userData for an app
// called "textbridge"), so the command line works on the archive the window shows.
import { homedir } from 'node:os'
import { join } from 'node:path'

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  switch (process.platform) {
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', 'textbridge')
    case 'win32':
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'textbridge')
    default:
      return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'textbridge')
  }
}
