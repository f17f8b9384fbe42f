// Runs one store operation in a process of its own, for tests over hostile special files: were a
// read ever to block on a FIFO or loop on /dev/zero, the test kills this process (and fails)
// instead of freezing the suite. Prints one JSON line: {"ok":true,"value":...} or {"ok":false,"error":"..."}.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LiveSession } from '../../src/core/live/live-session';
import { livePidOf } from '../../src/core/lock';
import { SearchIndex } from '../../src/core/search/search-index';
import { search } from '../../src/core/search/searcher';
import { newSession } from '../../src/core/new-session';
import { JsonlStore } from '../../src/core/store';
import { SessionTail } from '../../src/core/tail';
import { startServer } from '../../src/server/server';

const [op, dir, id = ''] = process.argv.slice(2) as [string, string, string?];
const store = new JsonlStore(dir);
const path = join(dir, `${id}.jsonl`);

const ops: Record<string, () => Promise<unknown>> = {
  list: async () => {
    const { sessions, unreadable } = await store.listing();
    return { ids: sessions.map((s) => s.id).sort(), counts: sessions.map((s) => s.msg_count), unreadable };
  },
  load: async () => (await store.load(id)).messages.length,
  export: async () => (await store.exportMarkdown(id)).length,
  tail: async () => (await new SessionTail(path, id).read()).messages.length,
  live: async () => new LiveSession(path, id).start(0),
  // Appends one message to session `id` (creating its file if needed).
  append: async () => {
    const s = { ...newSession('v', 'e', 'm'), id };
    await store.appendMessage(s, { role: 'user', content: [{ type: 'text', text: 'appended' }] });
  },
  lock: () => livePidOf(dir, id),
  delete: () => store.delete(id),
  search: async () => {
    const index = new SearchIndex(join(mkdtempSync(join(tmpdir(), 'transcripts-probe-')), 'index.db'));
    try {
      await index.update(store);
      // `id` is the query here; snippets are read from the session files too.
      const results = await search(index, dir, id);
      return results.groups.map((g) => ({ id: g.id, snippets: g.matches.map((m) => m.snippet) }));
    } finally {
      index.close();
    }
  },
  // Serves the folder until a line arrives on stdin, then closes and says so.
  serve: async () => {
    const rendererDir = mkdtempSync(join(tmpdir(), 'transcripts-probe-'));
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Transcripts</title>');
    const cacheDir = mkdtempSync(join(tmpdir(), 'transcripts-probe-'));
    const server = await startServer({ store, rendererDir, cacheDir });
    console.log(JSON.stringify({ ok: true, value: { port: server.port, token: server.token } }));
    process.stdin.once('data', () => {
      void server.close().then(() => {
        console.log(JSON.stringify({ ok: true, value: 'closed' }));
        process.exit(0);
      });
    });
    return new Promise(() => undefined);
  },
};

ops[op]!().then(
  (value) => {
    console.log(JSON.stringify({ ok: true, value: value ?? null }));
    process.exit(0);
  },
  (error: unknown) => {
    console.log(JSON.stringify({ ok: false, error: (error as Error).message }));
    process.exit(0);
  },
);
