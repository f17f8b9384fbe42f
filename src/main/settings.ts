// The app's remembered choices (the sessions folder, and which sources are read from where), kept
// as JSON in the userData folder.
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../core/atomic';

/** One source as the user set it: read or not, and a folder to read instead of its default. */
export interface SourceSettings {
  enabled?: boolean;
  dir?: string;
}

/** What the app remembers between runs. */
export interface Settings {
  sessionsDir?: string;
  /** By source name (ggcode's folder is `sessionsDir`). */
  sources?: Record<string, SourceSettings>;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

// Only well-formed entries are kept: a damaged one is as good as unset.
function sourcesOf(value: unknown): Record<string, SourceSettings> | undefined {
  if (!isObject(value)) return undefined;
  const out: Record<string, SourceSettings> = {};
  for (const [name, entry] of Object.entries(value)) {
    if (!/^[a-z0-9-]+$/.test(name) || !isObject(entry)) continue;
    const kept: SourceSettings = {};
    if (typeof entry.enabled === 'boolean') kept.enabled = entry.enabled;
    if (typeof entry.dir === 'string' && entry.dir !== '') kept.dir = entry.dir;
    if (Object.keys(kept).length > 0) out[name] = kept;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Reads the settings file; a missing, unreadable or malformed file means "nothing remembered". */
export async function loadSettings(file: string): Promise<Settings> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return {};
  }
  if (!isObject(parsed)) return {};
  const settings: Settings = {};
  const dir = parsed.sessionsDir;
  if (typeof dir === 'string' && dir !== '') settings.sessionsDir = dir;
  const sources = sourcesOf(parsed.sources);
  if (sources) settings.sources = sources;
  return settings;
}

/** Writes the settings file atomically, so a crash mid-write cannot lose the previous choice. */
export async function saveSettings(file: string, settings: Settings): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  await writeFileAtomic(file, `${JSON.stringify(settings, null, 2)}\n`);
}

/** Reads the settings, applies `change` and writes the result; returns it. */
export async function updateSettings(file: string, change: (s: Settings) => Settings): Promise<Settings> {
  const next = change(await loadSettings(file));
  await saveSettings(file, next);
  return next;
}
