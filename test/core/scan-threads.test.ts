// A cold list of many files is summarized on scan threads (the bundled scan-thread script): the
// summaries must be exactly the ones the calling thread finds, damaged lines, duplicate ids and
// special files included, and a thread that cannot start costs speed, never results.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { filesScannedOnThreads, MIN_FILES_FOR_THREADS, useScanThreads } from '../../src/core/scan-threads';
import { JsonlStore } from '../../src/core/store';
import { tempDir } from '../support/fixtures';
import { buildScanThreadScript } from '../support/scan-thread-script';
import { hostileFolder, type HostileFolder } from '../support/hostile-files';

let folder: HostileFolder;
let script: string;

const rec = (o: unknown): string => JSON.stringify(o);
const message = (id: string, extra: object = {}, text = 'hi') =>
  rec({
    type: 'message',
    session_id: id,
    message: { role: 'user', content: [{ type: 'text', text }], ...extra },
  });

/** Session `n`: a meta line, then lines a full load keeps or skips for many different reasons, in
 * an order that differs from file to file. Four of them count. */
function tricky(id: string, n: number): string {
  const lines = [
    rec({ type: 'meta', session_id: id, title: `T${n}`, created_at: '2026-01-01T00:00:00Z', updated_at: '' }),
    message(id),
    message(id, { id: 'msg_a' }),
    message(id, { id: 'msg_a' }), // a duplicate: counted once
    message(id, { id: n }), // not a string id: counted
    '',
    '   ' + message(id) + '\u0085', // Go trims NEL
    '\ufeff' + message(id), // a BOM is not trimmed: invalid JSON, skipped
    message(id).slice(0, -3), // torn
    rec({ type: 'message', session_id: 7, message: { role: 'user', content: [] } }), // bad field type
    rec({ type: 'message', message: null }), // no message
    rec({ type: 'message', message: { role: 'user', content: [{ type: 'text', is_error: 'yes' }] } }),
    rec({ type: 'cost', cost: { total_cost_usd: n } }),
  ];
  const rest = lines.slice(1);
  const k = n % rest.length;
  return [lines[0], ...rest.slice(k), ...rest.slice(0, k)].join('\n');
}

beforeAll(async () => {
  folder = await hostileFolder();
  for (let n = 0; n < MIN_FILES_FOR_THREADS + 20; n++) {
    writeFileSync(join(folder.dir, `s${n}.jsonl`), n % 17 === 0 ? '' : tricky(`s${n}`, n));
  }
  script = await buildScanThreadScript();
});
afterEach(() => useScanThreads(null));
afterAll(() => folder.close());

describe('scan threads', () => {
  it('list the same summaries as the calling thread, each count what a full load finds', async () => {
    const here = await new JsonlStore(folder.dir).listing();
    useScanThreads(script);
    const threaded = await new JsonlStore(folder.dir).listing();
    expect(filesScannedOnThreads()).toBeGreaterThanOrEqual(MIN_FILES_FOR_THREADS);
    expect(threaded).toEqual(here);
    const store = new JsonlStore(folder.dir);
    for (const s of threaded.sessions) {
      expect(s.msg_count, s.id).toBe((await store.load(s.id)).messages.length);
    }
    expect(threaded.sessions.find((s) => s.id === 's1')?.msg_count).toBe(4);
  });

  it('scan large files in parts that add up to what one scan finds, wherever the parts are cut', async () => {
    const here = await new JsonlStore(folder.dir).listing();
    // Every file of 100 bytes or more is cut in two at its middle: into lines of every kind.
    useScanThreads(script, 100);
    expect(await new JsonlStore(folder.dir).listing()).toEqual(here);
  });

  it('scan a 20 MB file in parts: lines across the cut and across reads, ids repeated on both sides', async () => {
    const dir = tempDir('transcripts-scan-parts-');
    const id = 'big';
    const lines = [rec({ type: 'meta', session_id: id, title: 'first', created_at: '2026-01-01T00:00:00Z' })];
    let bytes = 0;
    const add = (line: string) => {
      lines.push(line);
      bytes += line.length + 1;
    };
    for (let n = 0; bytes < 9_000_000; n++) add(message(id, { id: `m${n % 50}` }, 'x'.repeat(n % 3000)));
    add(message(id, {}, 'y'.repeat(6 << 20))); // longer than one read, across the middle
    add(rec({ type: 'cost', cost: { total_cost_usd: 1 } }));
    for (let n = 0; bytes < 20_000_000; n++) add(message(id, { id: `m${n % 70}` }, 'z'.repeat(n % 900)));
    add(rec({ type: 'meta', session_id: id, title: 'last', workspace: '/w' }));
    add('{"torn');
    writeFileSync(join(dir, `${id}.jsonl`), lines.join('\n'));
    for (let k = 0; k < MIN_FILES_FOR_THREADS; k++)
      writeFileSync(join(dir, `s${k}.jsonl`), tricky(`s${k}`, k));
    const here = await new JsonlStore(dir).listing();
    useScanThreads(script);
    const threaded = await new JsonlStore(dir).listing();
    expect(threaded).toEqual(here);
    const big = threaded.sessions.find((s) => s.id === id)!;
    expect(big).toMatchObject({ title: 'last', workspace: '/w', msg_count: 71, cost: { total_cost_usd: 1 } });
  });

  it('fall back to the calling thread when their script cannot run', async () => {
    const here = await new JsonlStore(folder.dir).listing();
    useScanThreads(join(folder.dir, 'no-such-script.cjs'));
    expect(await new JsonlStore(folder.dir).listing()).toEqual(here);
    expect(filesScannedOnThreads()).toBe(0);
  });
});
