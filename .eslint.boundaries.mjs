// Runtime boundaries, enforced by lint (architecture brief: "folders are runtime boundaries").
// Kept in its own module so test/lint/boundaries.test.ts checks these exact rules.
import { builtinModules } from 'node:module'

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
  message:
    'Only electron/main/index.ts, electron/main/shell/ and electron/preload/ may import electron.',
}

export const boundaryConfigs = [
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
            {
              group: ['**/electron/**', '**/renderer/**', '**/test/**'],
              message: 'shared/ depends on nothing else in this repository.',
            },
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
        {
          paths: nodeBuiltinPaths,
          patterns: [
            ...nodePatterns,
            electronPattern,
            {
              group: ['**/electron/**'],
              message: 'The renderer reaches the core only through the typed API in shared/api.',
            },
          ],
        },
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
  {
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/index.ts', 'electron/main/shell/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electronPattern,
            { group: ['**/renderer/**'], message: 'The core never imports the UI.' },
          ],
        },
      ],
    },
  },
]
