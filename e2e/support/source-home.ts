// A home folder holding every source's fixtures where the agents keep them by default, for the
// browser tests: ~/.ggcode/sessions, ~/.claude/projects and ~/.codex/{sessions,archived_sessions}.
import { cp } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { FIXTURE_CORPUS, makeTempDir } from './corpus';

const FIXTURES = resolve(import.meta.dirname, '../../test/fixtures');

/** A fresh home folder with the three sources' fixtures in their default places. */
export async function sourcesHome(): Promise<string> {
  const home = await makeTempDir('transcripts-e2e-home-');
  await cp(FIXTURE_CORPUS, join(home, '.ggcode', 'sessions'), { recursive: true });
  await cp(join(FIXTURES, 'claude-code', 'projects'), join(home, '.claude', 'projects'), { recursive: true });
  await cp(join(FIXTURES, 'codex', 'home'), join(home, '.codex'), { recursive: true });
  return home;
}
