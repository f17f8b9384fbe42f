// A home folder holding every source's fixtures where the agents keep them by default:
// ~/.ggcode/sessions, ~/.claude/projects and ~/.codex/{sessions,archived_sessions}.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORPUS } from './fixtures';
import { CLAUDE_FIXTURES, CODEX_FIXTURES } from './sources';

/** A fresh home folder with the three sources' fixtures in their default places. */
export function sourcesHome(): string {
  const home = mkdtempSync(join(tmpdir(), 'transcripts-home-'));
  cpSync(CORPUS, join(home, '.ggcode', 'sessions'), { recursive: true });
  cpSync(join(CLAUDE_FIXTURES, 'projects'), join(home, '.claude', 'projects'), { recursive: true });
  cpSync(join(CODEX_FIXTURES, 'home'), join(home, '.codex'), { recursive: true });
  return home;
}

/** The environment of a user whose home is `home` (and who set no agent variables). */
export function homeEnv(home: string): NodeJS.ProcessEnv {
  return { HOME: home };
}
