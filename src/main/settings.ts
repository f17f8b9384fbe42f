// The app's remembered choices (today: the sessions folder), kept as JSON in the userData folder.
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../core/atomic';

/** What the app remembers between runs. */
export interface Settings {
  sessionsDir?: string;
}

/** Reads the settings file; a missing, unreadable or malformed file means "nothing remembered". */
export async function loadSettings(file: string): Promise<Settings> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null) return {};
  const dir = (parsed as Record<string, unknown>).sessionsDir;
  return typeof dir === 'string' && dir !== '' ? { sessionsDir: dir } : {};
}

/** Writes the settings file atomically, so a crash mid-write cannot lose the previous choice. */
export async function saveSettings(file: string, settings: Settings): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  await writeFileAtomic(file, `${JSON.stringify(settings, null, 2)}\n`);
}
