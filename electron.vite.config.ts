import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'

const at = (path: string) => fileURLToPath(new URL(path, import.meta.url))

// Three bundles: the main process (plain Node core plus the thin Electron shell, and the
// archive's worker thread as a second entry), the preload (CommonJS: sandboxed preloads cannot
// be ES modules) and the renderer.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          index: at('electron/main/index.ts'),
          'archive-worker': at('electron/core/archive/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { index: at('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: at('renderer'),
    plugins: [react()],
    build: {
      outDir: at('out/renderer'),
      // electron-vite leaves the renderer unminified by default; the window loads it on every start.
      minify: true,
      rolldownOptions: { input: { index: at('renderer/index.html') } },
    },
  },
})
