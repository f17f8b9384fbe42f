// Writers: the reference's line format, atomic replacement, ensureMeta that never truncates,
// concurrent appenders in separate processes, and deletes that respect a running agent.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { SessionInUseError } from '../../src/core/errors';
import { newSession } from '../../src/core/new-session';
import { JsonlStore, newJsonlStore } from '../../src/core/store';
import { corpusCopy, CORPUS, snapshot, tempDir } from '../support/fixtures';
import { modelOf } from '../support/stored-text';

const run = promisify(execFile);
const SAVED_BY_REFERENCE = [
  '20261124-135052-b3bc2eebd2d250e8',
  '20261124-135052-d23db7e55539ac33',
  '20261124-135052-b415e622ad0f2d67',
  '20261124-135052-9d0d78e4cb3dbc97',
  '20261124-135052-272d909aaece2296',
  '20261124-135052-642d08901e4b0349',
  '20261124-135052-8ed97e085fd226b0',
];
/** The second-process writer, bundled once into a temp file. koffi (native: its loader finds its
 * binary beside its own files) stays outside the bundle, imported from this checkout. */
async function appendWorker(): Promise<string> {
  const worker = join(tempDir(), 'append-worker.cjs');
  const koffi = createRequire(import.meta.url).resolve('koffi');
  await build({
    entryPoints: [join(__dirname, '../support/append-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: worker,
    logLevel: 'silent',
    plugins: [
      {
        name: 'koffi-from-checkout',
        setup: (b) => b.onResolve({ filter: /^koffi$/ }, () => ({ path: koffi, external: true })),
      },
    ],
  });
  return worker;
}

const withoutUpdated = (line: string): string => line.replace(/"updated_at":"[^"]*"}$/, '"updated_at":"?"}');

describe('the reference line format', () => {
  it.each(SAVED_BY_REFERENCE)('save() of %s writes the lines ggcode wrote', async (id) => {
    const store = new JsonlStore(corpusCopy());
    const s = await store.load(id);
    await store.save(s);
    const ours = readFileSync(join(store.dir(), `${id}.jsonl`), 'utf8').split('\n');
    const theirs = readFileSync(join(CORPUS, `${id}.jsonl`), 'utf8').split('\n');
    expect(ours.map(withoutUpdated)).toEqual(theirs.map(withoutUpdated));
    expect(ours[0]).toMatch(/"updated_at":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)"}$/);
  });

  it('round-trips a new session: save, load, export', async () => {
    const store = await newJsonlStore(join(tempDir(), 'new'));
    const s = newSession('anthropic', 'default', 'claude');
    expect(s.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(s.title).toBe('New session');
    s.messages.push({ role: 'user', content: [{ type: 'text', text: 'a <b> & "c"\u2028' }] });
    s.messages.push({
      role: 'assistant',
      content: [{ type: 'tool_use', tool_name: 't', tool_id: '1', input: { n: 1.5, s: 'x' } }],
    });
    s.cost = { total_cost_usd: 0.5 };
    await store.save(s);
    const text = readFileSync(join(store.dir(), `${s.id}.jsonl`), 'utf8');
    expect(text).toContain('"text":"a <b> & \\"c\\"\\u2028"');
    expect(text).toContain('"input":{"n":1.5,"s":"x"}');
    expect(text.trimEnd().split('\n').at(-1)).toMatch(/^{"type":"cost",.*"cost":{"total_cost_usd":0.5}}$/);
    const loaded = await store.load(s.id);
    expect(modelOf(loaded.messages)).toEqual(s.messages);
    expect(await store.exportMarkdown(s.id)).toContain('```json\n{"n":1.5,"s":"x"}\n```');
    const index = readFileSync(join(store.dir(), 'index.json'), 'utf8');
    expect(JSON.parse(index)).toEqual([
      expect.objectContaining({ id: s.id, msg_count: 2, vendor: 'anthropic' }),
    ]);
    expect(readdirSync(store.dir()).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps raw tool input bytes (number spelling, key order) through load and save', async () => {
    const dir = tempDir();
    const line =
      '{"type":"message","message":{"role":"assistant","content":[{"type":"tool_use","tool_name":"x","input":{ "b": 1.0, "a": 1e3, "big": 12345678901234567890 }}]}}';
    writeFileSync(join(dir, 's.jsonl'), line + '\n');
    const store = new JsonlStore(dir);
    expect(await store.exportMarkdown('s')).toContain(
      '```json\n{ "b": 1.0, "a": 1e3, "big": 12345678901234567890 }\n```',
    );
    await store.save(await store.load('s'));
    expect(readFileSync(join(dir, 's.jsonl'), 'utf8')).toContain(
      '"input":{"b":1.0,"a":1e3,"big":12345678901234567890}',
    );
  });
});

describe('appendMessage and titles', () => {
  it('derives an empty title from the first user text, cut to 57 bytes like the reference', async () => {
    const store = new JsonlStore(corpusCopy());
    const s = { ...newSession('v', '', 'm'), title: '' };
    await store.ensureMeta(s);
    await store.appendMessage(s, {
      role: 'user',
      content: [{ type: 'text', text: 'é'.repeat(40) + ' tail' }],
    });
    expect(s.title).toBe('é'.repeat(28) + '\uFFFD...');
    const entry = (await store.list()).find((e) => e.id === s.id);
    expect(entry).toMatchObject({ title: 'é'.repeat(28) + '\uFFFD...', msg_count: 1 });
    expect(readFileSync(join(store.dir(), `${s.id}.jsonl`), 'utf8').split('\n')[0]).not.toContain('é');
  });

  it('closes off a torn last line instead of fusing the next record with it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 's.jsonl'), '{"type":"meta","title":"t"}\n{"type":"message","mess');
    const store = new JsonlStore(dir);
    const s = await store.load('s');
    await store.appendMessage(s, { role: 'user', content: [{ type: 'text', text: 'after crash' }] });
    const again = await store.load('s');
    expect(again.messages.map((m) => m.content[0]!.text)).toEqual(['after crash']);
    expect(again.skipped_lines).toBe(1);
  });

  it('two processes appending at once lose no record and interleave no bytes', async () => {
    const worker = await appendWorker();
    const store = await newJsonlStore(join(tempDir(), 'c'));
    const s = newSession('v', 'e', 'm');
    await store.save(s);
    const count = 150;
    await Promise.all(
      ['A', 'B'].map((tag) =>
        run(process.execPath, [worker, store.dir(), s.id, tag, String(count), '20000']),
      ),
    );
    const loaded = await store.load(s.id);
    expect(loaded.skipped_lines).toBe(0);
    const texts = loaded.messages.map((m) => m.content[0]!.text!.split('-').slice(0, 2).join('-'));
    for (const tag of ['A', 'B']) {
      expect(texts.filter((t) => t.startsWith(tag))).toEqual(
        Array.from({ length: count }, (_, i) => `${tag}-${i}`),
      );
    }
    const index = JSON.parse(readFileSync(join(store.dir(), 'index.json'), 'utf8')) as unknown[];
    expect(index).toHaveLength(1);
  }, 120_000);

  it('concurrent index updates from two processes keep every entry', async () => {
    const worker = await appendWorker();
    const store = await newJsonlStore(join(tempDir(), 'c'));
    const sessions = Array.from({ length: 6 }, () => newSession('v', 'e', 'm'));
    for (const s of sessions) await store.save(s);
    await Promise.all(
      sessions.map((s, i) => run(process.execPath, [worker, store.dir(), s.id, `T${i}`, '10', '10'])),
    );
    const index = JSON.parse(readFileSync(join(store.dir(), 'index.json'), 'utf8')) as {
      id: string;
      msg_count: number;
    }[];
    expect(index.map((e) => e.id).sort()).toEqual(sessions.map((s) => s.id).sort());
    expect(index.every((e) => e.msg_count === 10)).toBe(true);
  }, 120_000);
});

describe('ensureMeta, delete, cleanup', () => {
  it('ensureMeta never truncates an existing file', async () => {
    const store = new JsonlStore(corpusCopy());
    const id = '20261124-135052-b3bc2eebd2d250e8';
    const before = readFileSync(join(store.dir(), `${id}.jsonl`));
    const s = await store.load(id);
    s.title = 'changed';
    await store.ensureMeta(s);
    expect(readFileSync(join(store.dir(), `${id}.jsonl`)).equals(before)).toBe(true);
  });

  it('ensureMeta creates and indexes a new session', async () => {
    const store = new JsonlStore(join(tempDir(), 'fresh'));
    const s = newSession('v', 'e', 'm');
    await store.ensureMeta(s);
    expect(await store.list()).toEqual([
      expect.objectContaining({ id: s.id, title: 'New session', msg_count: 0 }),
    ]);
  });

  it('delete removes the file and the index entry, and says false when already gone', async () => {
    const store = new JsonlStore(corpusCopy());
    const id = '20261124-135052-b3bc2eebd2d250e8';
    await expect(store.delete(id)).resolves.toBe(true);
    expect(existsSync(join(store.dir(), `${id}.jsonl`))).toBe(false);
    expect(readFileSync(join(store.dir(), 'index.json'), 'utf8')).not.toContain(id);
    await expect(store.delete(id)).resolves.toBe(false);
    expect(await store.list()).toHaveLength(8);
  });

  it('delete refuses a session whose <id>.lock names a live process, and allows a dead one', async () => {
    const store = new JsonlStore(corpusCopy());
    const id = '20261124-135052-d23db7e55539ac33';
    writeFileSync(join(store.dir(), `${id}.lock`), String(process.pid));
    const before = snapshot(store.dir());
    await expect(store.delete(id)).rejects.toThrow(new SessionInUseError(id, process.pid));
    expect(snapshot(store.dir())).toEqual(before);
    writeFileSync(join(store.dir(), `${id}.lock`), '{"pid": 999999999}');
    await store.delete(id);
    expect(existsSync(join(store.dir(), `${id}.jsonl`))).toBe(false);
  });

  it('cleanupOlderThan deletes what was updated before the cut-off, except sessions in use', async () => {
    const store = new JsonlStore(corpusCopy());
    writeFileSync(join(store.dir(), '20260301-101010-00000000000000a6.lock'), String(process.pid));
    const removed = await store.cleanupOlderThan(new Date('2026-06-01T00:00:00Z'));
    expect(removed).toBe(1);
    expect((await store.list()).map((s) => s.id)).toContain('20260301-101010-00000000000000a6');
    expect((await store.list()).map((s) => s.id)).not.toContain('20260410-080000-00000000000000a7');
  });
});
