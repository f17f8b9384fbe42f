// Temp copies of the reference fixture corpus: tests never touch the read-only original.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The fixture directory written by ggcode v1.0.9 (override with TRANSCRIPTS_FIXTURES). */
export const FIXTURES_DIR =
  process.env.TRANSCRIPTS_FIXTURES ?? resolve(import.meta.dirname, '../../test/fixtures/ggcode-v1.0.9');

/** The session directory inside the fixtures. */
export const FIXTURE_CORPUS = join(FIXTURES_DIR, 'corpus');

/** The reference's outputs (`<id>.md` exports, list.json). */
export const FIXTURE_GOLDEN = join(FIXTURES_DIR, 'golden');

/** Well-known fixture sessions the tests look at. */
export const FIXTURE_IDS = {
  hostile: '20261124-135052-b415e622ad0f2d67',
  tools: '20261124-135052-d23db7e55539ac33',
  checkpoint: '20260410-080000-00000000000000a7',
  damaged: '20260301-101010-00000000000000a6',
  plain: '20261124-135052-b3bc2eebd2d250e8',
  untitled: '20261124-135052-8ed97e085fd226b0',
} as const;

/** A fresh empty temp directory. */
export function makeTempDir(prefix = 'transcripts-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** A fresh temp copy of the fixture corpus; returns its path. */
export async function copyCorpus(): Promise<string> {
  const dir = await makeTempDir('transcripts-corpus-');
  await cp(FIXTURE_CORPUS, dir, { recursive: true });
  return dir;
}

/** Removes a temp directory made by this module. */
export function removeDir(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}
