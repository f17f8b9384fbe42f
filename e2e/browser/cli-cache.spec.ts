// The `sessions` launcher caches the bundle's compiled code in the cache folder: a cold start writes
// the cache, later starts use it, and a damaged cache only costs a compile (never a wrong answer).
import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { SESSIONS_BIN } from '../support/cli';
import { FIXTURE_CORPUS, FIXTURE_GOLDEN, FIXTURE_IDS, makeTempDir, removeDir } from '../support/corpus';

const run = async (cacheDir: string) =>
  (
    await promisify(execFile)(
      process.execPath,
      [SESSIONS_BIN, '--dir', FIXTURE_CORPUS, 'export', FIXTURE_IDS.tools],
      {
        env: { ...process.env, TRANSCRIPTS_CACHE_DIR: cacheDir },
      },
    )
  ).stdout;

test('the CLI writes its code cache once, reuses it, and survives a damaged one', async () => {
  const cacheDir = await makeTempDir('transcripts-cli-cache-');
  try {
    const golden = await readFile(join(FIXTURE_GOLDEN, `${FIXTURE_IDS.tools}.md`), 'utf8');
    expect(await run(cacheDir)).toBe(golden);
    const written = (await readdir(cacheDir)).filter((n) => !n.endsWith('.tmp'));
    expect(written).toHaveLength(1);
    const cache = join(cacheDir, written[0]!);
    const bytes = await readFile(cache);
    expect(bytes.length).toBeGreaterThan(1000);

    expect(await run(cacheDir)).toBe(golden);
    expect(await readFile(cache)).toEqual(bytes); // used as it was, not rewritten

    await writeFile(cache, 'not a V8 code cache');
    expect(await run(cacheDir)).toBe(golden);
    expect((await readFile(cache)).length).toBeGreaterThan(1000); // rejected, then replaced
  } finally {
    await removeDir(cacheDir);
  }
});
