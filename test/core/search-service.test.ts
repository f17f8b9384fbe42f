// SearchService and its worker-thread twin: newest query wins (older ones are cancelled), index
// requests coalesce, progress is reported, close() stops an update cleanly, a damaged index file
// is rebuilt, and changes to the files reach the index incrementally.
import { mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { globPlugin } from '../../scripts/esbuild-glob.mjs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { emptySession } from '../../src/core/load';
import { CancelledError, SearchIndex, type UpdateStats } from '../../src/core/search/search-index';
import { SearchService } from '../../src/core/search/search-service';
import { SearchWorkerClient } from '../../src/core/search/worker-client';
import { messageLine, metaLine } from '../../src/core/serialize';
import { JsonlStore } from '../../src/core/store';
import type { IndexProgress, SearchResults } from '../../src/shared/types';
import { corpusCopy, tempDir } from '../support/fixtures';

/** A directory of `count` sessions ("w0", "w1", ...; each updated a minute after the one before),
 * each with `messages` messages that all say "needle" (so one query makes a page full of
 * snippets to read). */
function sessionsDir(count: number, messages = 3): string {
  const dir = join(tempDir(), 'sessions');
  mkdirSync(dir);
  for (let i = 0; i < count; i++) {
    const id = `w${i}`;
    const updated_at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
    const meta = metaLine({ ...emptySession(id), title: `session ${i}`, updated_at });
    const lines = Array.from({ length: messages }, (_, k) =>
      messageLine(id, {
        role: 'user',
        content: [{ type: 'text', text: `needle ${k} haystack ${i} `.repeat(20) }],
      }),
    );
    writeFileSync(join(dir, `${id}.jsonl`), meta + lines.join(''));
  }
  return dir;
}

const services: SearchService[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  while (services.length) await services.pop()!.close();
});

function service(dir: string, indexFile = join(tempDir(), 'index.sqlite')): SearchService {
  const s = new SearchService(new JsonlStore(dir), indexFile);
  services.push(s);
  return s;
}

const ids = (r: { groups: { id: string }[] }): string[] => r.groups.map((g) => g.id).sort();

/** How `p` ends within a few seconds: a call that never settles would hang its caller. */
function settled(p: Promise<unknown>): Promise<'resolved' | 'rejected' | 'pending'> {
  const wait = new Promise<'pending'>((r) => setTimeout(() => r('pending'), 5000).unref());
  return Promise.race([
    p.then(
      () => 'resolved' as const,
      () => 'rejected' as const,
    ),
    wait,
  ]);
}

describe('SearchService queries', () => {
  it('cancels a query still making snippets when a newer one arrives', async () => {
    const s = service(sessionsDir(150));
    await s.refresh();
    const first = s.search({ query: 'needle ', pageSize: 150 });
    await new Promise((r) => setImmediate(r)); // the first is now reading its page's lines
    const second = s.search({ query: 'haystack ', pageSize: 5 });
    await expect(first).rejects.toBeInstanceOf(CancelledError);
    const done = await second;
    expect(done.groups).toHaveLength(5);
    expect(done.total_sessions).toBe(150);
    expect(done.progress.state).toBe('ready');
  });

  it('cancels every query but the last of a burst, and answers the last in full', async () => {
    const s = service(sessionsDir(40));
    await s.refresh();
    const burst = ['n', 'ne', 'nee', 'need', 'needl', 'needle'].map((q) =>
      s.search({ query: q, pageSize: 40 }),
    );
    const settled = await Promise.allSettled(burst);
    for (const r of settled.slice(0, -1))
      expect(r).toMatchObject({ status: 'rejected', reason: expect.any(CancelledError) });
    const last = settled.at(-1)!;
    expect(last.status).toBe('fulfilled');
    if (last.status === 'fulfilled') expect(last.value.groups).toHaveLength(40);
  });
});

describe('SearchService indexing', () => {
  it('coalesces refresh requests made during an update into one more update that sees later files', async () => {
    const dir = sessionsDir(20);
    const s = service(dir);
    const update = vi.spyOn(SearchIndex.prototype, 'update');
    let late: Promise<void> | null = null;
    const unsubscribe = s.onProgress(() => {
      if (late) return;
      // The first update has listed the directory: this file and these requests come after it.
      writeFileSync(
        join(dir, 'late.jsonl'),
        messageLine('late', { role: 'user', content: [{ type: 'text', text: 'latecomer' }] }),
      );
      late = Promise.all([s.refresh(), s.refresh(), s.refresh()]).then(() => undefined);
    });
    await s.refresh();
    await late;
    unsubscribe();
    expect(update).toHaveBeenCalledTimes(2);
    expect(ids(await s.search({ query: 'latecomer ' }))).toEqual(['late']);
    await s.refresh();
    expect(update).toHaveBeenCalledTimes(3);
  });

  it('returns the running update to callers that arrive during it', async () => {
    const s = service(sessionsDir(5));
    const a = s.refresh();
    const b = s.refresh();
    expect(b).toBe(a);
    await a;
  });

  it('reports progress file by file, then ready', async () => {
    const s = service(sessionsDir(12));
    const seen: IndexProgress[] = [];
    s.onProgress((p) => seen.push(p));
    expect(s.progress()).toMatchObject({ state: 'indexing' });
    await s.refresh();
    const indexing = seen.filter((p) => p.state === 'indexing');
    expect(indexing.map((p) => p.done)).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(indexing.every((p) => p.total === 12)).toBe(true);
    expect(seen.at(-1)).toEqual({ state: 'ready', done: 12, total: 12 });
    expect(s.progress()).toEqual({ state: 'ready', done: 12, total: 12 });
  });

  it('reports an update that fails as an error, and recovers on the next refresh', async () => {
    const dir = join(tempDir(), 'sessions');
    writeFileSync(dir, 'a file where the directory should be');
    const s = service(dir);
    await s.refresh();
    expect(s.progress()).toMatchObject({ state: 'error', error: expect.stringContaining('ENOTDIR') });
    rmSync(dir);
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'a.jsonl'),
      messageLine('a', { role: 'user', content: [{ type: 'text', text: 'back' }] }),
    );
    await s.refresh();
    expect(s.progress()).toMatchObject({ state: 'ready', done: 1, total: 1 });
    expect(ids(await s.search({ query: 'back ' }))).toEqual(['a']);
  });

  it('close() during an update stops it between files and keeps a usable index', async () => {
    const dir = sessionsDir(200, 1);
    const file = join(tempDir(), 'index.sqlite');
    const s = new SearchService(new JsonlStore(dir), file);
    let closed: Promise<void> | null = null;
    s.onProgress((p) => {
      if (p.done === 20 && !closed) closed = s.close();
    });
    const refreshed = s.refresh();
    await refreshed;
    await closed;
    const partial = new SearchIndex(file);
    const kept = partial.files().size;
    partial.close();
    expect(kept).toBeGreaterThanOrEqual(20);
    expect(kept).toBeLessThan(200);
    const again = service(dir, file);
    await again.refresh();
    expect((await again.search({ query: 'needle ' })).total_sessions).toBe(200);
  });

  it('answers during a first build over what it has indexed so far, newest sessions first, marked partial', async () => {
    const s = service(sessionsDir(60, 1));
    const answers: Promise<SearchResults>[] = [];
    s.onProgress((p) => {
      if (p.state === 'indexing' && p.done === 20)
        answers.push(s.search({ query: 'needle ', pageSize: 100 }));
    });
    await s.refresh();
    const during = await answers[0]!;
    expect(during.partial).toBe(true);
    expect(ids(during)).toEqual(Array.from({ length: 20 }, (_, k) => `w${59 - k}`).sort());
    const after = await s.search({ query: 'needle ', pageSize: 100 });
    expect(after.partial).toBe(false);
    expect(after.total_sessions).toBe(60);
  });

  it('close() without an update, and twice, resolves', async () => {
    const s = new SearchService(new JsonlStore(sessionsDir(1)), join(tempDir(), 'index.sqlite'));
    await s.close();
    await s.close();
  });
});

describe('SearchService over a damaged index file', () => {
  async function indexedThenClosed(): Promise<{ dir: string; file: string }> {
    const dir = corpusCopy();
    const file = join(tempDir(), 'index.sqlite');
    const s = new SearchService(new JsonlStore(dir), file);
    await s.refresh();
    await s.close();
    return { dir, file };
  }

  const damage: [string, (file: string) => void][] = [
    ['deleted', (file) => rmSync(file)],
    ['overwritten with text', (file) => writeFileSync(file, 'not a database\n'.repeat(500))],
    [
      'truncated to half',
      (file) => writeFileSync(file, readFileSync(file).subarray(0, readFileSync(file).length / 2)),
    ],
    [
      'corrupted in its pages',
      (file) => {
        const bytes = readFileSync(file);
        for (let at = 4096; at < bytes.length; at += 4096) bytes.fill(0xa5, at + 100, at + 400);
        writeFileSync(file, bytes);
      },
    ],
    [
      'left locked by a crash',
      (file) => {
        mkdirSync(`${file}.lock`);
        const old = new Date(Date.now() - 10 * 60_000);
        utimesSync(`${file}.lock`, old, old);
      },
    ],
  ];

  it.each(damage)('rebuilds it when it was %s while no service ran', async (_, harm) => {
    const { dir, file } = await indexedThenClosed();
    harm(file);
    const s = service(dir, file);
    await s.refresh();
    // Damage the update did not read shows in the first query, which answers from the index
    // being rebuilt (what is there so far) instead of failing.
    const first = await s.search({ query: 'permission ' });
    expect(first.progress.state === 'ready' || first.groups.length === 0).toBe(true);
    await s.refresh();
    expect(s.progress().state).toBe('ready');
    expect(ids(await s.search({ query: 'permission ' }))).toEqual(['20261124-135052-d23db7e55539ac33']);
    expect(s.sessionMatches('20261124-135052-d23db7e55539ac33', 'main')).toEqual([1, 2]);
  });
});

describe('SearchService incremental updates', () => {
  it('indexes appends, deletes and renames without re-reading unchanged files', async () => {
    const dir = corpusCopy();
    const store = new JsonlStore(dir);
    const s = service(dir);
    const update = vi.spyOn(SearchIndex.prototype, 'update');
    const lastStats = (): Promise<UpdateStats> => update.mock.results.at(-1)!.value as Promise<UpdateStats>;
    await s.refresh();
    expect(await lastStats()).toMatchObject({ added: 9 });

    const id = '20261124-135052-272d909aaece2296';
    await store.appendMessage(await store.load(id), {
      role: 'user',
      content: [{ type: 'text', text: 'zebra crossing' }],
    });
    await s.refresh();
    expect(await lastStats()).toMatchObject({ appended: 1, unchanged: 8, added: 0, rebuilt: 0, messages: 1 });
    expect(ids(await s.search({ query: 'zebra ' }))).toEqual([id]);
    expect(s.sessionMatches(id, 'zebra')).toEqual([2]);

    await store.delete('20261124-135052-d23db7e55539ac33');
    await s.refresh();
    expect(await lastStats()).toMatchObject({ removed: 1, unchanged: 8 });
    expect((await s.search({ query: 'permission ' })).groups).toEqual([]);

    renameSync(join(dir, `${id}.jsonl`), join(dir, 'renamed.jsonl'));
    await s.refresh();
    expect(await lastStats()).toMatchObject({ removed: 1, added: 1 });
    expect(ids(await s.search({ query: 'zebra ' }))).toEqual(['renamed']);

    const session = await store.load('renamed');
    await store.save({ ...session, messages: session.messages.slice(0, 1) });
    await s.refresh();
    expect(await lastStats()).toMatchObject({ rebuilt: 1 });
    expect((await s.search({ query: 'zebra ' })).groups).toEqual([]);
  });
});

describe('SearchWorkerClient', () => {
  let workerFile: string;

  beforeAll(async () => {
    // The worker loads SQLite's .wasm from its package: bundle it as the app does (package
    // external) and let the bundle find the project's node_modules.
    const out = tempDir('transcripts-worker-');
    symlinkSync(resolve(__dirname, '../../node_modules'), join(out, 'node_modules'), 'dir');
    workerFile = join(out, 'search-worker.cjs');
    // With the index's reader thread beside it, where the client looks for it.
    for (const [entry, outfile] of [
      ['worker.ts', workerFile],
      ['reader-worker.ts', join(out, 'search-reader.cjs')],
    ] as const) {
      await build({
        entryPoints: [join(__dirname, '../../src/core/search', entry)],
        bundle: true,
        platform: 'node',
        format: 'cjs',
        outfile,
        external: ['node-sqlite3-wasm'],
        plugins: [globPlugin],
        logLevel: 'silent',
      });
    }
  });

  function client(dir: string): SearchWorkerClient {
    return new SearchWorkerClient(workerFile, { dir, indexFile: join(tempDir(), 'index.sqlite') });
  }

  function ready(c: SearchWorkerClient): Promise<void> {
    return new Promise((resolvePromise, reject) => {
      const off = c.onProgress((p) => {
        if (p.state === 'indexing') return;
        off();
        if (p.state === 'ready') resolvePromise();
        else reject(new Error(p.error));
      });
    });
  }

  it('indexes in the worker, reports progress and answers queries', async () => {
    const c = client(corpusCopy());
    try {
      const seen: IndexProgress[] = [];
      c.onProgress((p) => seen.push(p));
      const done = ready(c);
      c.refresh();
      await done;
      expect(seen.at(-1)).toEqual({ state: 'ready', done: 9, total: 9 });
      expect(c.progress()).toEqual({ state: 'ready', done: 9, total: 9 });
      const r = await c.search({ query: 'permission ' });
      expect(ids(r)).toEqual(['20261124-135052-d23db7e55539ac33']);
      expect(r.progress.state).toBe('ready');
      expect(await c.sessionMatches('20261124-135052-d23db7e55539ac33', 'main')).toEqual([1, 2]);
      expect(await c.sessionMatches('no-such-session', 'main')).toEqual([]);
    } finally {
      await c.close();
    }
  });

  it('hands the first build over to a fresh worker, which answers, stays ready and updates', async () => {
    const dir = sessionsDir(20, 1);
    const c = client(dir);
    try {
      const builder = c.threadId();
      const seen: IndexProgress[] = [];
      c.onProgress((p) => seen.push(p));
      const done = ready(c);
      c.refresh();
      await done;
      await vi.waitFor(() => expect(c.threadId()).not.toBe(builder));
      const r = await c.search({ query: 'needle ', pageSize: 50 });
      expect(r).toMatchObject({ partial: false, total_sessions: 20 });
      expect(r.progress).toEqual({ state: 'ready', done: 20, total: 20 });
      expect(c.progress()).toEqual({ state: 'ready', done: 20, total: 20 });
      // A session added later is indexed by the successor; it never hands over again.
      const successor = c.threadId();
      const meta = metaLine({ ...emptySession('late'), title: 'late', updated_at: '2027-01-01T00:00:00Z' });
      const line = messageLine('late', { role: 'user', content: [{ type: 'text', text: 'zanzibar' }] });
      writeFileSync(join(dir, 'late.jsonl'), meta + line);
      const again = ready(c);
      c.refresh();
      await again;
      expect(ids(await c.search({ query: 'zanzibar' }))).toEqual(['late']);
      expect(c.threadId()).toBe(successor);
      expect(seen.at(-1)).toEqual({ state: 'ready', done: 21, total: 21 });
    } finally {
      await c.close();
    }
  });

  it('answers while the first build runs: the newest sessions indexed so far, marked partial', async () => {
    const c = client(sessionsDir(1500, 1));
    try {
      let built = false;
      const done = ready(c).then(() => (built = true));
      c.refresh();
      let during: SearchResults | null = null;
      while (!built && !during) {
        const r = await c.search({ query: 'needle ', pageSize: 1500 });
        if (r.partial && r.groups.length > 0) during = r;
      }
      expect(during).not.toBeNull();
      const n = during!.total_sessions;
      expect(n).toBeLessThan(1500);
      expect(ids(during!)).toEqual(Array.from({ length: n }, (_, k) => `w${1499 - k}`).sort());
      await done;
      const after = await c.search({ query: 'needle ', pageSize: 1500 });
      expect(after).toMatchObject({ partial: false, total_sessions: 1500 });
    } finally {
      await c.close();
    }
  });

  it('reports the progress of a build to the app a few times a second, not file by file', async () => {
    const c = client(sessionsDir(400, 1));
    try {
      const seen: IndexProgress[] = [];
      c.onProgress((p) => seen.push(p));
      const done = ready(c);
      c.refresh();
      await done;
      expect(seen.at(-1)).toEqual({ state: 'ready', done: 400, total: 400 });
      expect(seen.length).toBeLessThan(100);
    } finally {
      await c.close();
    }
  });

  it('cancels an older query when a newer one arrives', async () => {
    const c = client(sessionsDir(150));
    try {
      const done = ready(c);
      c.refresh();
      await done;
      const first = c.search({ query: 'needle ', pageSize: 150 });
      const second = c.search({ query: 'haystack ', pageSize: 3 });
      await expect(first).rejects.toBeInstanceOf(CancelledError);
      expect((await second).groups).toHaveLength(3);
    } finally {
      await c.close();
    }
  });

  it('close() while indexing and while a query runs settles everything and stops the thread', async () => {
    const c = client(sessionsDir(300, 1));
    c.refresh();
    const query = c.search({ query: 'needle ', pageSize: 300 });
    const closing = c.close();
    expect(c.close()).toBe(closing);
    await closing;
    expect(await settled(query)).not.toBe('pending');
    expect(await settled(c.search({ query: 'needle ' }))).toBe('rejected');
    expect(await settled(c.sessionMatches('w0', 'needle'))).toBe('rejected');
  });
});
