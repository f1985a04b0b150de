// Runtime boundaries, enforced by lint: each folder is one runtime, and what it may reach is
// written down here once. Kept in its own module so test/lint/boundaries.test.ts checks these
// exact rules against fixtures.
//
// Folder-to-folder rules resolve every import to a file (eslint-plugin-import-x's
// no-restricted-paths), so they hold whatever the relative path looks like; package and Node
// built-in rules match the import's name (no-restricted-imports).
import { builtinModules } from 'node:module'
import importX, { createNodeResolver } from 'eslint-plugin-import-x'

// Built-ins are matched by exact name (`paths`): as gitignore-style patterns, "crypto" or
// "constants" would also match our own ../crypto/... and ./constants modules.
const nodeBuiltinPaths = builtinModules
  .filter((m) => !m.startsWith('_'))
  .map((name) => ({ name, message: 'This folder runs outside Node: no Node built-in modules.' }))
const nodePatterns = [
  { group: ['node:*'], message: 'This folder runs outside Node: no node:* imports.' },
]
const electronPattern = {
  group: ['electron', 'electron/*'],
  message: 'Only the Electron host (electron/main/) and the preload may import electron.',
}

const CORE = 'The desktop core is plain Node: it imports no host (main, web), no demo and no UI.'
const HOST = 'A host composes the core; it never reaches into another host or the UI.'

// Where each runtime folder may not reach. Paths are from the repository root.
const zones = [
  {
    target: './shared',
    from: ['./electron', './renderer', './test'],
    message: 'shared/ depends on nothing else in this repository.',
  },
  {
    target: './renderer',
    from: ['./electron', './test'],
    message: 'The renderer reaches the core only through the typed API in shared/api.',
  },
  {
    target: './renderer',
    from: ['./shared/protocol', './shared/crypto', './shared/history'],
    message: 'The renderer sees protocol types only through shared/model and shared/api.',
  },
  {
    target: './electron/core',
    from: [
      './electron/main',
      './electron/cli',
      './electron/web',
      './electron/demo',
      './electron/preload',
      './renderer',
      './test',
    ],
    message: CORE,
  },
  {
    target: './electron/main',
    from: ['./electron/web', './renderer', './test'],
    message: HOST,
  },
  {
    target: './electron/web',
    from: ['./electron/main', './electron/preload', './renderer', './test'],
    message: HOST,
  },
  {
    target: './electron/cli',
    from: [
      './electron/main',
      './electron/web',
      './electron/demo',
      './electron/preload',
      './renderer',
      './test',
    ],
    message:
      'The command line is a host of its own: it uses the core, never another host or the UI.',
  },
  {
    target: './electron/demo',
    from: ['./electron/main', './electron/web', './electron/preload', './renderer', './test'],
    message: 'The demo phone is a phone: it uses the core and shared/, never a host or the UI.',
  },
  {
    target: './electron/preload',
    from: ['./electron/core', './electron/main', './electron/web', './electron/demo', './renderer'],
    message: 'The preload only bridges the IPC contract in shared/api.',
  },
]

const folderRules = {
  files: ['shared/**/*.ts', 'renderer/**/*.{ts,tsx}', 'electron/**/*.ts'],
  plugins: { 'import-x': importX },
  settings: {
    'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.mjs', '.js'] })],
  },
  rules: { 'import-x/no-restricted-paths': ['error', { zones }] },
}

const noElectron = (message) => ({
  'no-restricted-imports': ['error', { patterns: [{ ...electronPattern, message }] }],
})

export const boundaryConfigs = [
  folderRules,
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltinPaths,
          patterns: [
            ...nodePatterns,
            electronPattern,
            { group: ['react', 'react-dom', 'react/*', 'zustand'], message: 'shared/ has no UI.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require'].map(
          (name) => ({
            name,
            message: 'shared/ runs in Node and in the browser: no runtime globals.',
          }),
        ),
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: nodeBuiltinPaths, patterns: [...nodePatterns, electronPattern] },
      ],
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require', '__dirname'].map((name) => ({
          name,
          message: 'The renderer is sandboxed: no Node globals.',
        })),
      ],
    },
  },
  { files: ['electron/core/**/*.ts'], rules: noElectron(CORE) },
  { files: ['electron/web/**/*.ts'], rules: noElectron(HOST) },
  { files: ['electron/cli/**/*.ts'], rules: noElectron(HOST) },
  {
    files: ['electron/demo/**/*.ts'],
    rules: noElectron('The demo phone runs in plain Node, in either host.'),
  },
  { files: ['electron/launch.ts'], rules: noElectron('The launcher starts a host; it is one.') },
]
