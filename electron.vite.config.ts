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

// main.tsx imports the app's code (boot.tsx) only once it has asked for the list, so the browser
// would fetch that chunk only after main's own script has loaded and run: the page names it (and
// the chunks it imports) up front, so they download while main's script does.
const modulePreloadBoot: Plugin = {
  name: 'modulepreload-boot',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler(_html, ctx) {
      const chunks = Object.values(ctx.bundle ?? {}).filter((c) => c.type === 'chunk');
      const boot = chunks.find((c) => c.facadeModuleId?.endsWith('/src/renderer/boot.tsx'));
      if (!boot) throw new Error('modulepreload-boot: no chunk for src/renderer/boot.tsx');
      const entries = new Set(chunks.filter((c) => c.isEntry).map((c) => c.fileName));
      return [boot.fileName, ...boot.imports.filter((file) => !entries.has(file))].map((file) => ({
        tag: 'link',
        attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
        injectTo: 'head',
      }));
    },
  },
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
      // electron-vite leaves the renderer unminified; browser mode downloads, parses and compiles
      // its code before the first paint (the boot chunk: 760 kB as written).
      minify: true,
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
    // Find's worker is an ES module (new Worker(url, { type: 'module' })), allowed by script-src 'self'.
    worker: { format: 'es' },
    plugins: [react(), devWithoutMetaCsp, modulePreloadBoot],
  },
}));
