// Which sources are read, and from where: each at its default place when that exists, unless the
// user turned it off or pointed it elsewhere (flags, environment, the app's settings).
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { ADAPTERS, adapterNamed, sourceNames } from './registry';
import type { SourceContext } from './source';

/** What the user chose for one source: on or off, and a folder to read instead of the default. */
export interface SourceChoice {
  enabled?: boolean;
  dir?: string;
}

/** The user's choices, by source name. */
export type SourceChoices = Record<string, SourceChoice>;

/** One source to open: its name and folders. Serializable (the search worker gets these). */
export interface SourceSetting {
  name: string;
  roots: string[];
}

/** Thrown for a source name no adapter has. */
export class UnknownSourceError extends Error {
  override name = 'UnknownSourceError';
  constructor(name: string) {
    super(`unknown source "${name}" (sources: ${sourceNames()})`);
  }
}

/** Checks that `name` is a source's name; returns it. */
export function checkSourceName(name: string): string {
  if (!adapterNamed(name)) throw new UnknownSourceError(name);
  return name;
}

/** The context adapters find their defaults in: the environment and the home folder. */
export function sourceContext(env: NodeJS.ProcessEnv = process.env): SourceContext {
  return { env, home: env.HOME || env.USERPROFILE || homedir() };
}

/** `TRANSCRIPTS_SOURCES` (a comma-separated list of the sources to read) as choices: every
 * source not named is off. */
export function choicesFromEnv(env: NodeJS.ProcessEnv): SourceChoices {
  const listed = env.TRANSCRIPTS_SOURCES;
  if (listed === undefined || listed.trim() === '') return {};
  const on = new Set(listed.split(',').map((n) => checkSourceName(n.trim())));
  return Object.fromEntries(ADAPTERS.map((a) => [a.name, { enabled: on.has(a.name) }]));
}

/** Layers choices: each later one overrides the fields it sets. */
export function mergeChoices(...layers: SourceChoices[]): SourceChoices {
  const out: SourceChoices = {};
  for (const layer of layers)
    for (const [name, choice] of Object.entries(layer)) out[name] = { ...out[name], ...choice };
  return out;
}

/** The sources to open. A source the user pointed at a folder reads it (existing or not); one
 * left at its defaults is read when one of its default folders exists (ggcode always is: its
 * folder is where new sessions would appear, and the app says when it is missing). */
export function resolveSources(
  choices: SourceChoices,
  ctx: SourceContext,
  cwd = process.cwd(),
): SourceSetting[] {
  for (const name of Object.keys(choices)) checkSourceName(name);
  const out: SourceSetting[] = [];
  for (const adapter of ADAPTERS) {
    const choice = choices[adapter.name] ?? {};
    if (choice.enabled === false) continue;
    if (choice.dir !== undefined) {
      out.push({ name: adapter.name, roots: adapter.rootsFor(resolve(cwd, choice.dir)) });
      continue;
    }
    const roots = adapter.defaultRoots(ctx);
    const present = roots.filter((r) => existsSync(r));
    if (adapter.primary) out.push({ name: adapter.name, roots });
    else if (present.length > 0) out.push({ name: adapter.name, roots: present });
  }
  return out;
}
