// The one form of Vite's import.meta.glob the code uses (eager: the modules, by path). Vite and
// vitest implement it; scripts/esbuild-glob.mjs does for esbuild's bundles.
interface ImportMeta {
  glob<T>(pattern: string, options: { eager: true }): Record<string, T>;
}
