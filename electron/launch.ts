// `npm start` and `npm run demo`: build the app, then run it in Electron where the Electron binary
// is installed, and in web mode (a browser tab) otherwise or when asked with --web.
import { execFileSync, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const args = process.argv.slice(2)
const web = args.includes('--web')
const rest = args.filter((a) => a !== '--web')

execFileSync(
  process.execPath,
  [`${root}node_modules/electron-vite/bin/electron-vite.js`, 'build'],
  {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  },
)

function electronBinary(): string | null {
  try {
    // The electron package exports the binary's path, and throws when the download was skipped.
    const path = createRequire(import.meta.url)('electron') as unknown
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    return null
  }
}

const electron = web ? null : electronBinary()
if (!web && electron === null)
  console.error('Electron is not installed here; opening Textbridge in web mode instead.')
const child =
  electron === null
    ? spawn(
        process.execPath,
        [
          `${root}node_modules/tsx/dist/cli.mjs`,
          `${root}electron/web/main.ts`,
          // Built a moment ago with the rest of the app.
          `--archive-worker=${root}out/main/archive-worker.js`,
          ...rest,
        ],
        { stdio: 'inherit' },
      )
    : spawn(electron, [root, ...rest], { stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal))
child.on('exit', (code) => process.exit(code ?? 0))
