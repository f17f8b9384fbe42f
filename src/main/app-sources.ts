// Which sources the app reads at start-up and after a change in the Sources menu: the remembered
// settings, then the environment (TRANSCRIPTS_SOURCES; SESSIONS_DIR, CLAUDE_CONFIG_DIR and
// CODEX_HOME move the defaults), then `--dir` for ggcode's folder.
import {
  choicesFromEnv,
  mergeChoices,
  resolveSources,
  sourceContext,
  type SourceSetting,
} from '../core/sources/selection';
import { ADAPTERS } from '../core/sources/registry';
import { join } from 'node:path';
import type { Settings, SourceSettings } from './settings';
import { chooseSessionsDir } from './sessions-dir';
import type { SourceMenuEntry } from './sources-menu';

/** What start-up knows besides the settings. */
export interface Startup {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** The sources to open. Unknown names in the settings (a source of a later version) are ignored. */
export function appSources(settings: Settings, { argv, env, cwd }: Startup): SourceSetting[] {
  const known = new Set(ADAPTERS.map((a) => a.name));
  const remembered = Object.fromEntries(
    Object.entries(settings.sources ?? {}).filter(([name]) => known.has(name) && name !== 'ggcode'),
  );
  const ctx = sourceContext(env);
  const fallback = join(ctx.home, '.ggcode', 'sessions');
  const ggcodeDir = chooseSessionsDir({ argv, env, remembered: settings.sessionsDir, fallback, cwd });
  const ggcode = { ...settings.sources?.ggcode, dir: ggcodeDir };
  let fromEnv = {};
  try {
    fromEnv = choicesFromEnv(env);
  } catch {
    // A misspelt TRANSCRIPTS_SOURCES leaves the remembered choice as it is.
  }
  return resolveSources(mergeChoices(remembered, fromEnv, { ggcode }), ctx, cwd);
}

/** The settings with source `name` changed (ggcode's folder is kept as `sessionsDir`). */
export function withSource(
  settings: Settings,
  name: string,
  change: SourceSettings | 'default-folder',
): Settings {
  if (name === 'ggcode' && change !== 'default-folder' && change.dir !== undefined) {
    const { dir, ...rest } = change;
    return withSource({ ...settings, sessionsDir: dir }, name, rest);
  }
  if (name === 'ggcode' && change === 'default-folder') {
    const { sessionsDir: _dropped, ...rest } = settings;
    return rest;
  }
  const sources: Record<string, SourceSettings> = { ...settings.sources };
  const entry = { ...sources[name] };
  if (change === 'default-folder') delete entry.dir;
  else Object.assign(entry, change);
  // Read is the default: only "off" needs remembering.
  if (entry.enabled === true) delete entry.enabled;
  if (Object.keys(entry).length > 0) sources[name] = entry;
  else delete sources[name];
  const { sources: _old, ...rest } = settings;
  return Object.keys(sources).length > 0 ? { ...rest, sources } : rest;
}

/** The Sources menu's entries for the settings and what is read now. */
export function menuEntries(settings: Settings, reading: readonly SourceSetting[]): SourceMenuEntry[] {
  return ADAPTERS.map((a) => {
    const dir = a.name === 'ggcode' ? settings.sessionsDir : settings.sources?.[a.name]?.dir;
    return {
      name: a.name,
      label: a.label,
      enabled: reading.some((s) => s.name === a.name),
      ...(dir !== undefined && { dir }),
    };
  });
}
