// The runtime boundaries are lint rules; this shows they fail every import they forbid and let
// the allowed ones through, using the very rule objects the project's config uses. The imported
// modules are real files, because the folder rules resolve each import before judging it.
import { ESLint } from 'eslint'
import tseslint from 'typescript-eslint'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
// @ts-expect-error -- plain .mjs config module without type declarations
import { boundaryConfigs } from '../../.eslint.boundaries.mjs'

const root = fileURLToPath(new URL('../..', import.meta.url))
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [
    { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser } },
    ...(boundaryConfigs as ESLint.Options['overrideConfig'][]),
  ] as never,
})

async function errorsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`)
}

const BOUNDARY_RULES = new Set([
  'no-restricted-imports',
  'no-restricted-globals',
  'import-x/no-restricted-paths',
])

describe('import boundaries', () => {
  it.each([
    // shared/: no Node, no Electron, no UI, nothing else of this repository.
    ['shared/protocol/x.ts', "import { readFileSync } from 'node:fs'"],
    ['shared/protocol/x.ts', "import { readFileSync } from 'fs'"],
    ['shared/protocol/x.ts', "import { webcrypto } from 'crypto'"],
    ['shared/protocol/x.ts', "import { readFile } from 'fs/promises'"],
    ['shared/protocol/x.ts', "import { app } from 'electron'"],
    ['shared/protocol/x.ts', "import { useState } from 'react'"],
    ['shared/protocol/x.ts', "import { openArchive } from '../../electron/core/store'"],
    ['shared/protocol/x.ts', "import { App } from '../../renderer/ui/app/App'"],
    ['shared/protocol/x.ts', "import { REPO } from '../../test/support/java-runner'"],
    ['shared/protocol/x.ts', 'export const w = window.location'],
    ['shared/protocol/x.ts', 'export const b = Buffer.from([])'],
    // renderer/: no Node, no Electron, no desktop code, protocol only through model and api.
    ['renderer/app/x.tsx', "import { ipcRenderer } from 'electron'"],
    ['renderer/app/x.tsx', "import path from 'node:path'"],
    ['renderer/app/x.tsx', "import { openArchive } from '../../electron/core/store'"],
    ['renderer/app/x.tsx', "import { startDemo } from '../../electron/demo/demo-setup'"],
    ['renderer/app/x.tsx', "import { REPO } from '../../test/support/java-runner'"],
    ['renderer/app/x.tsx', "import { message } from '../../shared/protocol'"],
    [
      'renderer/app/x.tsx',
      "import type { SimInfo } from '../../shared/protocol/messages/catalogue'",
    ],
    ['renderer/app/x.tsx', "import { box } from '../../shared/crypto/primitives'"],
    ['renderer/app/x.tsx', "import { historyFile } from '../../shared/history/schema'"],
    ['renderer/app/x.tsx', 'export const e = process.env'],
    // electron/core/: plain Node, no host, no demo, no UI, no tests.
    ['electron/core/sync/x.ts', "import { BrowserWindow } from 'electron'"],
    ['electron/core/sync/x.ts', "import { registerIpc } from '../../main/shell/ipc'"],
    ['electron/core/sync/x.ts', "import { startWebHost } from '../../web/web-host'"],
    ['electron/core/sync/x.ts', "import { startDemo } from '../../demo/demo-setup'"],
    ['electron/core/sync/x.ts', "import { PhoneServer } from '../../demo/phone/phone-server'"],
    ['electron/core/x.ts', "import '../preload/index'"],
    ['electron/core/sync/x.ts', "import { App } from '../../../renderer/ui/app/App'"],
    ['electron/core/store/x.ts', "import { REPO } from '../../../test/support/java-runner'"],
    // The hosts: each composes the core, and none reaches into the other.
    ['electron/main/x.ts', "import { startWebHost } from '../web/web-host'"],
    ['electron/main/shell/x.ts', "import { App } from '../../../renderer/ui/app/App'"],
    ['electron/web/x.ts', "import { BrowserWindow } from 'electron'"],
    ['electron/web/x.ts', "import { registerIpc } from '../main/shell/ipc'"],
    ['electron/web/x.ts', "import '../preload/index'"],
    // The demo phone: no Electron, no host.
    ['electron/demo/x.ts', "import { app } from 'electron'"],
    ['electron/demo/phone/x.ts', "import { registerIpc } from '../../main/shell/ipc'"],
    ['electron/demo/x.ts', "import { startWebHost } from '../web/web-host'"],
    // The command line: the core only.
    ['electron/cli/x.ts', "import { app } from 'electron'"],
    ['electron/cli/x.ts', "import { startDemo } from '../demo/demo-setup'"],
    ['electron/cli/x.ts', "import { startWebHost } from '../web/web-host'"],
    ['electron/core/store/x.ts', "import { search } from '../../cli/commands'"],
    // The preload: the IPC contract only.
    ['electron/preload/x.ts', "import { createCore } from '../core/create-core'"],
    ['electron/preload/x.ts', "import { registerIpc } from '../main/shell/ipc'"],
  ])('%s refuses: %s', async (file, code) => {
    const errors = await errorsFor(file, code)
    expect(errors.some((e) => BOUNDARY_RULES.has(e))).toBe(true)
  })

  it.each([
    ['shared/protocol/x.ts', "import nacl from 'tweetnacl'"],
    ['renderer/app/x.tsx', "import type { SimInfo } from '../../shared/model'"],
    ['renderer/app/x.tsx', "import { DEFAULT_PHONE_PORT } from '../../shared/api'"],
    ['electron/main/shell/x.ts', "import { BrowserWindow } from 'electron'"],
    ['electron/main/x.ts', "import { createCore } from '../core/create-core'"],
    ['electron/main/x.ts', "import { startDemo } from '../demo/demo-setup'"],
    ['electron/preload/index.ts', "import { contextBridge } from 'electron'"],
    ['electron/preload/x.ts', "import { IPC_EVENT_CHANNEL } from '../../shared/api/bridge'"],
    ['electron/web/x.ts', "import { createCore } from '../core/create-core'"],
    ['electron/web/x.ts', "import { startDemo } from '../demo/demo-setup'"],
    ['electron/demo/x.ts', "import { createLogger } from '../core/log'"],
    ['electron/cli/x.ts', "import { openArchive } from '../core/store'"],
    ['electron/core/sync/x.ts', "import { readFileSync } from 'node:fs'"],
    ['electron/core/sync/x.ts', "import { message } from '../../../shared/protocol'"],
    // Our own modules named like Node built-ins are not built-ins.
    ['shared/protocol/x.ts', "import { CloseCode } from './constants'"],
    ['shared/protocol/x.ts', "import { dh } from '../crypto/primitives'"],
  ])('%s allows: %s', async (file, code) => {
    expect(await errorsFor(file, code)).toEqual([])
  })
})
