// Every source the app knows: each folder beside this file whose index.ts exports `adapter` (see
// docs/sources.md), so that a new source is its folder and nothing else.
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { SourceAdapter } from './source';

/** A source folder's index module. */
type SourceModule = { adapter?: SourceAdapter };

/** Each source folder's index module, by path ('./claude/index.ts'). Bundlers find the folders
 * when they bundle: Vite's import.meta.glob in the app and vitest, scripts/esbuild-glob.mjs for
 * esbuild's bundles (the CLI, benchmarks); code run from the sources unbundled (Playwright's
 * loader) has no import.meta.glob, and reads this folder instead. */
function sourceModules(): Record<string, SourceModule> {
  try {
    return import.meta.glob<SourceModule>('./*/index.ts', { eager: true });
  } catch {
    return modulesInFolder(import.meta.dirname);
  }
}

/** The index modules of `dir`'s sub-folders, required one by one. */
function modulesInFolder(dir: string): Record<string, SourceModule> {
  const out: Record<string, SourceModule> = {};
  const load = createRequire(join(dir, 'registry.ts'));
  for (const e of readdirSync(dir, { withFileTypes: true }))
    if (e.isDirectory() && existsSync(join(dir, e.name, 'index.ts')))
      out[`./${e.name}/index.ts`] = load(join(dir, e.name, 'index.ts')) as SourceModule;
  return out;
}

/** The adapters in the order the app lists them: the app's own store (ggcode) first, then by name. */
export const ADAPTERS: readonly SourceAdapter[] = adaptersOf(sourceModules());

/** The adapters `found` exports, in listing order; a folder without one is a mistake, said at start. */
export function adaptersOf(found: Record<string, { adapter?: SourceAdapter }>): SourceAdapter[] {
  const out = Object.entries(found).map(([path, mod]) => {
    if (!mod.adapter) throw new Error(`source folder ${path} exports no adapter`);
    return mod.adapter;
  });
  const names = new Set(out.map((a) => a.name));
  if (names.size !== out.length)
    throw new Error(`two source folders share a name (${[...names].join(', ')})`);
  return out.sort(
    // Names are compared by code unit: localeCompare would load ICU's collation (~5 ms at start).
    (a, b) => Number(b.primary === true) - Number(a.primary === true) || (a.name < b.name ? -1 : 1),
  );
}

/** The adapter called `name`, or undefined. */
export function adapterNamed(name: string): SourceAdapter | undefined {
  return ADAPTERS.find((a) => a.name === name);
}

/** The names, for messages ("ggcode, claude, codex"). */
export function sourceNames(): string {
  return ADAPTERS.map((a) => a.name).join(', ');
}
