// electron-vite builds three bundles: main (ESM), preload (CommonJS, as a sandboxed preload
// must be) and the renderer (also served by `sessions serve` in browser mode).
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

// The page's meta CSP would block the dev server's inline hot-reload preamble; under `npm run dev`
// main's CSP header (which allows it there only) governs instead.
const devWithoutMetaCsp: Plugin = {
  name: 'dev-without-meta-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>\s*/i, ''),
};

export default defineConfig(({ command }) => ({
  main: {
    // `electron-vite dev` (command "serve") is the one build whose main may load the dev server
    // named by ELECTRON_RENDERER_URL; every other build has false here, and the read is dropped.
    define: { 'import.meta.env.DEV_SERVER': JSON.stringify(command === 'serve') },
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          'search-worker': resolve('src/core/search/worker.ts'),
          // Found beside the worker by its name (worker-client.ts).
          'search-reader': resolve('src/core/search/reader-worker.ts'),
          // The list's scan threads (src/main/index.ts names it).
          'scan-thread': resolve('src/core/scan-thread.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    base: './',
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
    // Find's worker is an ES module (new Worker(url, { type: 'module' })), allowed by script-src 'self'.
    worker: { format: 'es' },
    plugins: [react(), devWithoutMetaCsp],
  },
}));
