// What the store does better than the reference: ids, damaged files, stray files, reads that
// never write, and a damaged index that still lists everything.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidIdError, SessionNotFoundError } from '../../src/core/errors';
import { newSession } from '../../src/core/new-session';
import { JsonlStore } from '../../src/core/store';
import { corpusCopy, fixtureIds, snapshot, tempDir } from '../support/fixtures';

const meta = (id: string, title: string): string =>
  JSON.stringify({
    type: 'meta',
    session_id: id,
    title,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-02T00:00:00Z',
  });
const msg = (id: string, text: string): string =>
  JSON.stringify({
    type: 'message',
    session_id: id,
    message: { role: 'user', content: [{ type: 'text', text }] },
  });

describe('ids', () => {
  const bad = ['../../etc/passwd', '', '-rf', 'a/b', 'a.b', 'x'.repeat(129), 'ü', 'a b', '..', 'a\0b'];
  it.each(bad)('rejects %j everywhere with one clear line', async (id) => {
    const dir = tempDir();
    const store = new JsonlStore(dir);
    const before = snapshot(dir);
    for (const op of [
      () => store.load(id),
      () => store.exportMarkdown(id),
      () => store.delete(id),
      () => store.ensureMeta({ ...newSession('v', 'e', 'm'), id }),
    ]) {
      const error = await op().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidIdError);
      expect((error as Error).message).toMatch(/^invalid session id .*: use 1-128 characters/);
      expect((error as Error).message).not.toContain('\n');
    }
    expect(snapshot(dir)).toEqual(before);
  });

  it('accepts the reference ids and ULIDs', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, '01JABCDEFGHJKMNPQRSTVWXYZ0.jsonl'),
      meta('01JABCDEFGHJKMNPQRSTVWXYZ0', 'u') + '\n',
    );
    await expect(new JsonlStore(dir).load('01JABCDEFGHJKMNPQRSTVWXYZ0')).resolves.toMatchObject({
      title: 'u',
    });
  });

  it('says "session <id> not found" for a missing file', async () => {
    await expect(new JsonlStore(tempDir()).load('nope')).rejects.toThrow(new SessionNotFoundError('nope'));
    await expect(new JsonlStore(tempDir()).load('nope')).rejects.toThrow('session nope not found');
  });
});

describe('damaged and huge files', () => {
  it('loads a 12 MB line (the reference drops the whole session past 10 MiB)', async () => {
    const dir = tempDir();
    const big = 'x'.repeat(12 * 1024 * 1024);
    writeFileSync(
      join(dir, 's.jsonl'),
      [meta('s', 'big'), msg('s', 'before'), msg('s', big), msg('s', 'after')].join('\n') + '\n',
    );
    const s = await new JsonlStore(dir).load('s');
    expect(s.messages.map((m) => m.content[0]!.text!.length)).toEqual([6, big.length, 5]);
    expect(s.skipped_lines).toBe(0);
  });

  it('costs a torn or malformed line only that line, and counts it', async () => {
    const dir = tempDir();
    const lines = [
      meta('s', 't'),
      msg('s', 'one'),
      '{"type":"message","mess',
      msg('s', 'two'),
      '[1,2]',
      '{"type":"message","message":{"role":5}}',
      msg('s', 'three').slice(0, 30),
    ];
    writeFileSync(join(dir, 's.jsonl'), lines.join('\n'));
    const s = await new JsonlStore(dir).load('s');
    expect(s.messages.map((m) => m.content[0]!.text)).toEqual(['one', 'two']);
    expect(s.skipped_lines).toBe(4);
    expect(s.skipped.map((k) => k.line)).toEqual([3, 5, 6, 7]);
    expect(s.skipped[3]!.reason).toMatch(/^torn last line/);
  });

  it('shows a message repeated by id once', async () => {
    const dir = tempDir();
    const m = (id: string, text: string): string =>
      JSON.stringify({ type: 'message', message: { id, role: 'user', content: [{ type: 'text', text }] } });
    writeFileSync(
      join(dir, 's.jsonl'),
      [meta('s', 't'), m('msg_1', 'a'), m('msg_2', 'b'), m('msg_1', 'a')].join('\n'),
    );
    const store = new JsonlStore(dir);
    const s = await store.load('s');
    expect(s.messages.map((x) => x.id)).toEqual(['msg_1', 'msg_2']);
    expect(s.duplicate_messages).toBe(1);
    expect((await store.list())[0]!.msg_count).toBe(2);
  });

  it('tolerates unknown record types, fields and block types', async () => {
    const dir = tempDir();
    const odd = JSON.stringify({
      type: 'message',
      future: { x: 1 },
      message: {
        role: 'assistant',
        flags: [1],
        content: [
          { type: 'hologram', depth: 3 },
          { type: 'text', text: 'ok', cache: true },
        ],
      },
    });
    writeFileSync(
      join(dir, 's.jsonl'),
      [meta('s', 't'), JSON.stringify({ type: 'teleport', n: 1 }), odd].join('\n'),
    );
    const s = await new JsonlStore(dir).load('s');
    expect(s.skipped_lines).toBe(0);
    expect(s.messages[0]!.content.map((b) => b.type)).toEqual(['hologram', 'text']);
  });
});

describe('list', () => {
  it('never writes: the reference repairs index.json during List, ours computes it in memory', async () => {
    const dir = corpusCopy();
    const before = snapshot(dir);
    const listed = await new JsonlStore(dir).list();
    expect(listed).toHaveLength(9);
    expect(listed.find((s) => s.id.startsWith('20250101'))).toBeUndefined(); // the ghost entry
    expect(snapshot(dir)).toEqual(before);
  });

  it.each([
    ['truncated', (t: string) => t.slice(0, t.length / 2)],
    ['not JSON', () => 'garbage{'],
    ['an object', () => '{"id":"x"}'],
    ['empty', () => ''],
    ['hostile ids', () => JSON.stringify([{ id: '../../etc/passwd', title: 'x' }, { id: 42 }])],
  ])('lists every session from the files when index.json is %s', async (_name, damage) => {
    const dir = corpusCopy();
    const good = await new JsonlStore(dir).list();
    writeFileSync(join(dir, 'index.json'), damage(readFileSync(join(dir, 'index.json'), 'utf8')));
    const listed = await new JsonlStore(dir).list();
    expect(listed.map((s) => s.id).sort()).toEqual(good.map((s) => s.id).sort());
    expect(listed.find((s) => s.id === '20261124-135052-b3bc2eebd2d250e8')).toMatchObject({
      title: 'Refactor the alpha parser',
      msg_count: 4,
    });
  });

  it('summarizes unindexed files exactly as a full load would', async () => {
    const dir = corpusCopy();
    writeFileSync(join(dir, 'index.json'), '[]');
    const store = new JsonlStore(dir);
    for (const summary of await store.list()) {
      const s = await store.load(summary.id);
      expect(summary).toMatchObject({
        title: s.title,
        msg_count: s.messages.length,
        created_at: s.created_at,
        updated_at: s.updated_at,
        vendor: s.vendor,
        model: s.model,
      });
    }
    expect(fixtureIds()).toHaveLength(9);
  });

  it('ignores stray files: temp files, locks, folders, empty files, bad names', async () => {
    const dir = corpusCopy();
    for (const name of [
      'x.jsonl.123.abc.tmp',
      'index.json.flock',
      'a.jsonl.flock',
      'a.lock',
      'empty.jsonl',
      '-bad.jsonl',
      'notes.txt',
    ]) {
      writeFileSync(join(dir, name), name === '-bad.jsonl' ? meta('-bad', 'bad') : '');
    }
    mkdirSync(join(dir, 'folder.jsonl'));
    mkdirSync(join(dir, 'sub'));
    const listed = await new JsonlStore(dir).list();
    expect(listed).toHaveLength(9);
  });

  it('returns nothing for a directory that does not exist, and does not create it', async () => {
    const dir = join(tempDir(), 'missing');
    await expect(new JsonlStore(dir).list()).resolves.toEqual([]);
    expect(() => readFileSync(dir)).toThrow(/ENOENT/);
  });
});

describe('list cost', () => {
  it('carries each session’s last cost record, indexed or not, and keeps it out of index.json', async () => {
    const dir = corpusCopy();
    const store = new JsonlStore(dir);
    const tools = '20261124-135052-d23db7e55539ac33';
    const row = (await store.list()).find((s) => s.id === tools);
    expect(row?.cost).toMatchObject({ total_cost_usd: 0.0421, input_tokens: 12345 });
    expect((await store.list()).filter((s) => s.cost).map((s) => s.id)).toEqual([tools]);
    writeFileSync(join(dir, 'index.json'), '[]');
    const unindexed = await new JsonlStore(dir).list();
    expect(unindexed.find((s) => s.id === tools)?.cost).toMatchObject({ total_cost_usd: 0.0421 });
    expect(unindexed.filter((s) => s.cost).length).toBe(1);
  });
});
