// Where the search index lives: the platform's cache folder, never the sessions directory.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { sha256Hex } from '../lazy-crypto';

/** The per-user cache folder for Transcripts on this platform. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'Transcripts');
  if (platform === 'win32')
    return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'Transcripts', 'Cache');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'transcripts');
}

/** The index file for one sessions directory (each directory has its own). */
export function indexFileFor(cacheDir: string, sessionsDir: string): string {
  return join(cacheDir, 'search', `${dirKey(sessionsDir)}.sqlite`);
}

/** A short, stable name for a sessions directory's files in the cache folder. */
function dirKey(sessionsDir: string): string {
  return sha256Hex(resolve(sessionsDir), 16);
}

/** The list's stored summaries for one sessions directory (see live/summary-file.ts). */
export function summaryFileFor(cacheDir: string, sessionsDir: string): string {
  return join(cacheDir, 'summaries', `${dirKey(sessionsDir)}.json`);
}
