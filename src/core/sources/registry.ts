// Every source the app knows, in the order the app lists them. A new source is one folder beside
// these (see docs/sources.md) and one entry here.
import { claudeAdapter } from './claude/index';
import { codexAdapter } from './codex/index';
import { ggcodeAdapter } from './ggcode/index';
import type { SourceAdapter } from './source';

/** The adapters, ggcode first. */
export const ADAPTERS: readonly SourceAdapter[] = [ggcodeAdapter, claudeAdapter, codexAdapter];

/** The adapter called `name`, or undefined. */
export function adapterNamed(name: string): SourceAdapter | undefined {
  return ADAPTERS.find((a) => a.name === name);
}

/** The names, for messages ("ggcode, claude, codex"). */
export function sourceNames(): string {
  return ADAPTERS.map((a) => a.name).join(', ');
}
