// Types of esbuild-glob.mjs for the TypeScript tests that bundle workers with it.
import type { Plugin } from 'esbuild';

/** The source of `file` with each glob call replaced by an object of imported modules. */
export function expandGlobs(file: string, text: string): string;
/** The plugin: registry files get their import.meta.glob calls expanded. */
export const globPlugin: Plugin;
