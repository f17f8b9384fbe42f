// The store against the reference's own outputs for a directory it wrote: List order and titles,
// Load's messages, and ExportMarkdown byte for byte.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { JsonlStore } from '../../src/core/store';
import { BLOCK_FIELDS, type Message } from '../../src/shared/types';
import { corpusCopy, fixtureIds, GOLDEN, snapshot } from '../support/fixtures';

// The reference's Message has only role and content, and its blocks only these fields.
function asReference(messages: Message[]): unknown {
  if (messages.length === 0) return null;
  return messages.map((m) => ({
    role: m.role,
    content: m.content.map((b) =>
      Object.fromEntries(
        Object.entries(b).filter(
          ([k, v]) => (BLOCK_FIELDS as readonly string[]).includes(k) && v !== '' && v !== false,
        ),
      ),
    ),
  }));
}

describe('compatibility with ggcode v1.0.9', () => {
  let dir: string;
  let store: JsonlStore;
  beforeEach(() => {
    dir = corpusCopy();
    store = new JsonlStore(dir);
  });

  it('lists sessions in the reference order with its titles and times', async () => {
    const golden = JSON.parse(readFileSync(join(GOLDEN, 'list.json'), 'utf8')) as Record<string, string>[];
    const listed = await store.list();
    expect(listed.map((s) => s.id)).toEqual(golden.map((g) => g.id));
    for (const [i, g] of golden.entries()) {
      const s = listed[i]!;
      expect({ id: s.id, title: s.title, created_at: s.created_at, updated_at: s.updated_at }).toEqual({
        id: g.id,
        title: g.title,
        created_at: g.created_at,
        updated_at: g.updated_at,
      });
      expect([s.vendor, s.endpoint, s.model]).toEqual([g.vendor ?? '', g.endpoint ?? '', g.model ?? '']);
    }
  });

  it.each(fixtureIds())('exports %s byte for byte', async (id) => {
    const golden = readFileSync(join(GOLDEN, `${id}.md`));
    const ours = Buffer.from(await store.exportMarkdown(id), 'utf8');
    expect(ours.toString('utf8')).toBe(golden.toString('utf8'));
    expect(ours.equals(golden)).toBe(true);
  });

  it.each(fixtureIds())('loads %s as the reference does', async (id) => {
    const golden = JSON.parse(readFileSync(join(GOLDEN, `${id}.load.json`), 'utf8')) as Record<
      string,
      unknown
    >;
    const s = await store.load(id);
    expect(asReference(s.messages)).toEqual(golden.messages);
    expect([s.id, s.title, s.vendor, s.endpoint, s.model, s.created_at, s.updated_at]).toEqual([
      golden.id,
      golden.title,
      golden.vendor,
      golden.endpoint,
      golden.model,
      golden.created_at,
      golden.updated_at,
    ]);
    expect(s.cost).toEqual(golden.cost);
  });

  it('never writes while reading', async () => {
    const before = snapshot(dir);
    await store.list();
    for (const id of fixtureIds()) {
      await store.load(id);
      await store.exportMarkdown(id);
    }
    expect(snapshot(dir)).toEqual(before);
  });

  it('loads the later format: usage, metrics, checkpoints, timestamps, workspace', async () => {
    const s = await store.load('20260410-080000-00000000000000a7');
    expect(s.workspace).toBe('/home/dev/project');
    expect(s.usage).toHaveLength(1);
    expect(s.usage[0]!.usage?.input_tokens).toBe(100);
    expect(s.metrics[0]!.duration).toBe(1_500_000_000);
    expect(s.checkpoints).toEqual([
      expect.objectContaining({
        after_messages: 3,
        tokens: 1234,
        messages: [expect.objectContaining({ role: 'user' })],
      }),
    ]);
    expect(s.messages[0]!.id).toBe('msg_01J0000000000000000000000A');
    expect(s.messages[0]!.timestamp).toBe('2026-04-10T08:01:00Z');
    expect(s.messages[1]!.content[0]!.reasoning_content).toBe('thinking about it');
    expect(s.messages[2]!.content[0]!.images).toEqual([{ mime: 'image/png', data: 'AAAA' }]);
  });

  it('reports the damaged lines it skipped', async () => {
    const s = await store.load('20260301-101010-00000000000000a6');
    expect(s.skipped_lines).toBe(2);
    expect(s.skipped.map((k) => k.line)).toEqual([3, 9]);
    expect(s.skipped[1]!.reason).toMatch(/torn last line/);
  });
});
