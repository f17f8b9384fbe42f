// The app's own data folder (stars, tags, notes, names, the trash): never the sessions folder,
// never ggcode's files. One place for the app, `sessions serve` and the CLI alike.
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The per-user data folder for Transcripts on this platform; TRANSCRIPTS_DATA_DIR overrides it. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.TRANSCRIPTS_DATA_DIR) return env.TRANSCRIPTS_DATA_DIR;
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Transcripts');
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Transcripts');
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'transcripts');
}
