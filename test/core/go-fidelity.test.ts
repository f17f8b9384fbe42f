// Differences from the Go reference found by differential testing, each fixed to its behaviour:
// roles named like Object.prototype members, AppendMessage's title, list's message count for
// unindexed files, Go's line trimming (unicode.IsSpace, not JavaScript's trim), lone surrogates.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sessionJson } from '../../src/core/export/session-json';
import { newSession } from '../../src/core/new-session';
import { JsonlStore } from '../../src/core/store';
import { fullPage } from '../../src/core/transcript/full-page';
import { messageExport } from '../../src/shared/message-export';
import { tempDir } from '../support/fixtures';

const json = (o: unknown): string => JSON.stringify(o);
const meta = (title: string) =>
  json({ type: 'meta', title, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-02T03:04:05Z' });
const msg = (role: string, text: string, extra: object = {}) =>
  json({ type: 'message', message: { role, content: [{ type: 'text', text }], ...extra } });

function storeWith(lines: string[]): JsonlStore {
  const dir = tempDir();
  writeFileSync(join(dir, 's.jsonl'), lines.join('\n') + '\n');
  return new JsonlStore(dir);
}

describe('roles named like Object.prototype members', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])(
    'export "## %s" as written',
    async (role) => {
      const line = `{"type":"message","message":{"role":${json(role)},"content":[{"type":"text","text":"x"}]}}`;
      const store = storeWith([meta('t'), line]);
      expect(await store.exportMarkdown('s')).toContain(`\n## ${role}\n\nx\n\n---\n`);
      // The pane's "Copy" of the message says the same.
      const page = fullPage(await store.load('s'));
      expect(messageExport(page.messages[0]!)).toBe(`## ${role}\n\nx\n\n---\n\n`);
    },
  );
});

describe('appendMessage titles', () => {
  it('keeps "New session": only an empty title is filled, and save writes the title it has', async () => {
    const store = new JsonlStore(tempDir());
    const s = newSession('v', 'e', 'm');
    await store.ensureMeta(s);
    await store.appendMessage(s, { role: 'user', content: [{ type: 'text', text: 'Fix the parser' }] });
    expect(s.title).toBe('New session');
    expect((await store.list())[0]!.title).toBe('New session');
    await store.save(s);
    const metaLine = readFileSync(join(store.dir(), `${s.id}.jsonl`), 'utf8').split('\n')[0]!;
    expect(JSON.parse(metaLine)).toMatchObject({ type: 'meta', title: 'New session' });
  });

  it('fills an empty title in the index only, never in the meta line', async () => {
    const store = new JsonlStore(tempDir());
    const s = { ...newSession('v', 'e', 'm'), title: '' };
    await store.ensureMeta(s);
    await store.appendMessage(s, { role: 'user', content: [{ type: 'text', text: 'Fix the parser' }] });
    expect(s.title).toBe('Fix the parser');
    expect((await store.list())[0]!.title).toBe('Fix the parser');
    const metaLine = readFileSync(join(store.dir(), `${s.id}.jsonl`), 'utf8').split('\n')[0]!;
    expect(JSON.parse(metaLine)).not.toHaveProperty('title');
  });
});

describe("Go's line trimming", () => {
  // unicode.IsSpace: U+00A0, U+3000, U+0085, U+2028 and the ASCII controls are space; U+FEFF is not.
  it.each([
    { name: 'U+00A0', lead: '\u00a0', loads: true },
    { name: 'U+3000', lead: '\u3000', loads: true },
    { name: 'U+0085', lead: '\u0085', loads: true },
    { name: 'U+2028', lead: '\u2028', loads: true },
    { name: 'a vertical tab', lead: '\v', loads: true },
    { name: 'U+FEFF', lead: '\ufeff', loads: false },
    { name: 'U+200B', lead: '\u200b', loads: false },
  ])('a line starting with $name loads: $loads, in list and load alike', async ({ lead, loads }) => {
    const store = storeWith([lead + meta('Title'), lead + msg('user', 'hi') + lead]);
    const s = await store.load('s');
    expect(s.title).toBe(loads ? 'Title' : '');
    expect(s.messages).toHaveLength(loads ? 1 : 0);
    const [row] = await store.list();
    expect(row).toMatchObject({
      title: s.title,
      created_at: s.created_at,
      updated_at: s.updated_at,
      msg_count: s.messages.length,
    });
    if (loads) expect(row!.updated_at).toBe('2026-01-02T03:04:05Z');
  });
});

// Lines as a hostile or damaged file may hold them; each is what it is to Go's decoder.
const line = fc.oneof(
  fc.string({ maxLength: 8 }).map((t) => msg('user', t)),
  fc.string({ maxLength: 8 }).map((t) => msg('assistant', t, { id: `msg_${t.length % 3}` })),
  fc.constantFrom(
    '{"type":"message","message":{"role":"user","content":{"type":"text"}}}',
    '{"type":"message","message":{"role":"user","content":"text"}}',
    '{"type":"message","message":{"role":7,"content":[]}}',
    '{"type":"message","message":{"role":"user","content":[{"type":"text","text":5}]}}',
    '{"type":"message","message":{"role":"user","content":[{"type":"text","is_error":"yes"}]}}',
    '{"type":"message","message":{"role":"user","content":[7]}}',
    '{"type":"message","message":null}',
    '{"type":"message"}',
    '{"type":"message","message":{}}',
    '{"type":"mess\\u0061ge","message":{"role":"user","content":[]}}',
    '{"type":"message","session_id":5,"message":{"role":"user","content":[]}}',
    '{"type":"message","created_at":"yesterday","message":{"role":"user","content":[]}}',
    '{"type":"message","message":{"role":"user","content":[]}} trailing',
    '{"type":"message","message":{"role":"user","content":[]},"message":null}',
    '{"type":"message","message":{"role":"\\ud800","content":[{"type":"text","text":"\\udfff"}]}}',
    '{"type":7}',
    '[{"type":"message"}]',
    '',
    '   ',
    'not json',
    meta('a later title'),
    '{"type":"meta","title":3}',
    '{"type":"cost","cost":{"total_cost_usd":1}}',
  ),
  fc
    .constantFrom('\u00a0', '\u3000', '\ufeff', '\u0085', '\t', '\r')
    .map((lead) => lead + msg('user', 'lead')),
  fc.constant(
    `{"type":"message","message":{"role":"user","content":[{"type":"tool_use","input":${'['.repeat(1001)}${']'.repeat(1001)}}]}}`,
  ),
);
// A torn line (a crash mid-write) fused with the record written after it.
const torn = fc
  .tuple(line, line, fc.nat())
  .map(([a, b, cut]) => a.slice(0, a.length ? cut % a.length : 0) + b);

describe('list counts what a full load counts', () => {
  it('for unindexed files of hostile and damaged lines', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(line, torn), { maxLength: 12 }),
        fc.boolean(),
        async (lines, crlf) => {
          const dir = tempDir();
          writeFileSync(join(dir, 's.jsonl'), [meta('t'), ...lines].join(crlf ? '\r\n' : '\n'));
          const store = new JsonlStore(dir);
          const loaded = await store.load('s');
          const [row] = await store.list();
          expect(row).toMatchObject({
            msg_count: loaded.messages.length,
            title: loaded.title,
            created_at: loaded.created_at,
            updated_at: loaded.updated_at,
          });
        },
      ),
      { numRuns: 250 },
    );
  });

  it('for the examples differential testing found', async () => {
    const good = msg('user', 'ok');
    const store = storeWith([
      meta('t'),
      good,
      '{"type":"message","message":{"role":"user","content":{"type":"text","text":"not an array"}}}',
      good.slice(0, 30) + good, // torn, fused with the next record
      good,
    ]);
    expect((await store.load('s')).messages).toHaveLength(2);
    expect((await store.list())[0]!.msg_count).toBe(2);
  });
});

describe('lone surrogates', () => {
  const lines = [
    '{"type":"meta","title":"bad \\ud800 title","created_at":"2026-01-01T00:00:00Z"}',
    '{"type":"message","message":{"role":"user","content":[{"type":"text","text":"lone \\udc00 low, pair \\ud83d\\ude00"}]}}',
    '{"type":"message","message":{"role":"assistant","content":[{"type":"tool_use","tool_name":"t","input":{"k":"\\ud800"}}]}}',
  ];

  it('decode to U+FFFD as Go decodes them; tool inputs keep their stored bytes (json.RawMessage)', async () => {
    const s = await storeWith(lines).load('s');
    expect(s.title).toBe('bad \ufffd title');
    expect(s.messages[0]!.content[0]!.text).toBe('lone \ufffd low, pair \u{1f600}');
    const out = sessionJson(s);
    expect(out.isWellFormed()).toBe(true);
    expect(Buffer.from(out, 'utf8').toString('utf8')).toBe(out);
    // Outside the stored input, no escape of a surrogate is left.
    expect(out.replace('"input": {"k":"\\ud800"}', '')).not.toMatch(/\\u[dD][89a-fA-F]/);
    const parsed = JSON.parse(out) as {
      title: string;
      messages: { content: { text?: string; input?: unknown }[] }[];
    };
    expect(parsed.title).toBe('bad \ufffd title');
    expect(parsed.messages[0]!.content[0]!.text).toBe('lone \ufffd low, pair \u{1f600}');
    expect(out).toContain('"input": {"k":"\\ud800"}');
    expect(await storeWith(lines).exportMarkdown('s')).toContain('# bad \ufffd title\n');
  });

  it('in index.json titles decode to U+FFFD too', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 's.jsonl'), meta('from meta') + '\n');
    writeFileSync(
      join(dir, 'index.json'),
      '[{"id":"s","title":"index \\udbff","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z","msg_count":0}]',
    );
    const [row] = await new JsonlStore(dir).list();
    expect(row!.title).toBe('index \ufffd');
    expect(JSON.stringify(row)).not.toMatch(/\\ud/);
  });
});
