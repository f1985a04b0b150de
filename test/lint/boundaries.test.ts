// The runtime boundaries are lint rules; this shows they fail the imports they forbid and let
// the allowed ones through, using the very rule objects the project's config uses.
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
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'fatal')
}

describe('import boundaries', () => {
  it.each([
    ['shared/protocol/x.ts', "import { readFileSync } from 'node:fs'"],
    ['shared/protocol/x.ts', "import { readFileSync } from 'fs'"],
    ['shared/protocol/x.ts', "import { webcrypto } from 'crypto'"],
    ['shared/protocol/x.ts', "import { readFile } from 'fs/promises'"],
    ['shared/protocol/x.ts', "import { app } from 'electron'"],
    ['shared/protocol/x.ts', "import { useState } from 'react'"],
    ['shared/protocol/x.ts', "import { x } from '../../electron/main/store'"],
    ['shared/protocol/x.ts', 'export const w = window.location'],
    ['shared/protocol/x.ts', 'export const b = Buffer.from([])'],
    ['renderer/app/x.tsx', "import { ipcRenderer } from 'electron'"],
    ['renderer/app/x.tsx', "import path from 'node:path'"],
    ['renderer/app/x.tsx', "import { openStore } from '../../electron/main/store'"],
    ['renderer/app/x.tsx', 'export const e = process.env'],
    ['electron/main/sync/x.ts', "import { BrowserWindow } from 'electron'"],
  ])('%s refuses: %s', async (file, code) => {
    const errors = await errorsFor(file, code)
    expect(errors.some((e) => e === 'no-restricted-imports' || e === 'no-restricted-globals')).toBe(
      true,
    )
  })

  it.each([
    ['shared/protocol/x.ts', "import nacl from 'tweetnacl'"],
    ['renderer/app/x.tsx', "import { message } from '../../shared/protocol'"],
    ['electron/main/shell/x.ts', "import { BrowserWindow } from 'electron'"],
    ['electron/preload/index.ts', "import { contextBridge } from 'electron'"],
    ['electron/main/sync/x.ts', "import { readFileSync } from 'node:fs'"],
    // Our own modules named like Node built-ins are not built-ins.
    ['shared/protocol/x.ts', "import { CloseCode } from './constants'"],
    ['shared/protocol/x.ts', "import { dh } from '../crypto/primitives'"],
  ])('%s allows: %s', async (file, code) => {
    expect(await errorsFor(file, code)).toEqual([])
  })
})
