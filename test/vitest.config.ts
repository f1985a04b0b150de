import { defineConfig } from 'vitest/config'
import { fileURLToPath } from 'node:url'

// One vitest run covers the unit tests beside the code and the cross-cutting tests in test/.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: [
      'shared/**/*.test.ts',
      'electron/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
      'test/**/*.test.ts',
    ],
    exclude: ['node_modules/**', 'test/lint/fixtures/**'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
})
