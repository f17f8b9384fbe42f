// A sessions folder with a FIFO and a folder named like sessions: the page lists every readable
// session, says how many entries it skipped, and still opens sessions.
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../support/app';
import { FIXTURE_IDS } from '../support/corpus';

test('skips a FIFO and a folder named like sessions, and says so in the status line', async ({
  app,
  corpus,
  store,
}) => {
  execFileSync('mkfifo', [join(corpus, 'stuck.jsonl')]);
  await mkdir(join(corpus, 'folder.jsonl'));
  await app.open();
  await expect(app.page.getByTestId('session-row')).toHaveCount((await store.list()).length);
  await expect(app.page.getByTestId('unreadable-note')).toHaveText('2 unreadable files skipped');
  await app.openSession(FIXTURE_IDS.plain);
  await app.screenshot('unreadable-note');
});
