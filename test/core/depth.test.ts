// Deep nesting never breaks a read or a write: index entries nested 5,000 or 100,000 levels deep
// are written back intact, records past MAX_DEPTH are refused with a clear reason while every
// other line loads, and delete leaves file and index entry both gone (or, if the index cannot
// be written, both there).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sessionJson } from '../../src/core/export/session-json';
import { goMarshal, goMarshalIndent, MAX_INDENTED } from '../../src/core/gojson';
import { MAX_DEPTH } from '../../src/core/record';
import { newSession } from '../../src/core/new-session';
import { JsonlStore } from '../../src/core/store';
import { corpusCopy, tempDir } from '../support/fixtures';

const nested = (depth: number): string => '{"n":'.repeat(depth) + '1' + '}'.repeat(depth);
const PLAIN = '20261124-135052-b3bc2eebd2d250e8';

/** The corpus with an unknown field `deep` nested `depth` levels in PLAIN's index entry. */
function corpusWithDeepEntry(depth: number): string {
  const dir = corpusCopy();
  const text = readFileSync(join(dir, 'index.json'), 'utf8');
  const at = text.indexOf(`"id": "${PLAIN}"`);
  writeFileSync(join(dir, 'index.json'), `${text.slice(0, at)}"deep": ${nested(depth)}, ${text.slice(at)}`);
  return dir;
}

const index = (dir: string): { id: string }[] =>
  JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { id: string }[];
const levels = (text: string): number => text.split('"n": {').length - 1;
/** The `deep` field of PLAIN's entry, as compact JSON text. */
const deepText = (dir: string): string =>
  goMarshal((index(dir).find((e) => e.id === PLAIN) as { deep?: unknown }).deep, false);

describe('an index entry nested deeply', () => {
  it.each([5_000, 100_000])('survives every index write at %i levels', async (depth) => {
    const dir = corpusWithDeepEntry(depth);
    const before = index(dir).map((e) => e.id);
    const store = new JsonlStore(dir);
    const s = newSession('v', 'e', 'm');
    await store.appendMessage(s, { role: 'user', content: [{ type: 'text', text: 'hi' }] });
    await store.save(s);
    expect(deepText(dir)).toBe(nested(depth));
    expect(index(dir).map((e) => e.id)).toEqual([...before, s.id]);
    // Indented as Go indents, down to MAX_INDENTED levels; compact below, so the file stays small.
    const text = readFileSync(join(dir, 'index.json'), 'utf8');
    expect(levels(text)).toBe(MAX_INDENTED - 2);
    expect(text.length).toBeLessThan(10 * depth);
  });

  it('delete removes both the file and the entry, and keeps the deep one', async () => {
    const dir = corpusWithDeepEntry(5_000);
    const victim = '20261124-135052-d23db7e55539ac33';
    await new JsonlStore(dir).delete(victim);
    expect(() => readFileSync(join(dir, `${victim}.jsonl`))).toThrow(/ENOENT/);
    expect(index(dir).map((e) => e.id)).not.toContain(victim);
    expect(deepText(dir)).toBe(nested(5_000));
  });
});

describe('the Go encoders', () => {
  it('write 100,000 levels without recursion, as JSON.parse reads them back', () => {
    const value: unknown = JSON.parse(nested(100_000));
    expect(goMarshal(value, false)).toBe(nested(100_000));
    const indented = goMarshalIndent(value);
    expect(indented.startsWith('{\n  "n": {\n    "n": {')).toBe(true);
    expect(goMarshal(JSON.parse(indented), false)).toBe(nested(100_000));
    // Go's layout exactly, for what real files hold.
    const shallow: unknown = JSON.parse(nested(MAX_INDENTED));
    expect(goMarshalIndent(shallow)).toBe(JSON.stringify(shallow, null, 2));
  });
});

describe('a record nested deeply', () => {
  const line = (input: string) =>
    `{"type":"message","message":{"role":"assistant","content":[{"type":"tool_use","tool_name":"t","input":${input}}]}}`;
  const text = (t: string) =>
    JSON.stringify({ type: 'message', message: { role: 'user', content: [{ type: 'text', text: t }] } });

  it(`is refused past ${MAX_DEPTH} levels with a reason; every other line loads`, async () => {
    const dir = tempDir();
    const lines = [text('before'), line(nested(5_000)), line(nested(MAX_DEPTH - 4)), text('after')];
    writeFileSync(join(dir, 's.jsonl'), lines.join('\n') + '\n');
    const store = new JsonlStore(dir);
    const s = await store.load('s');
    expect(s.messages).toHaveLength(3);
    expect(s.skipped).toEqual([{ line: 2, reason: `nested deeper than ${MAX_DEPTH} levels` }]);
    expect((await store.list())[0]!.msg_count).toBe(3);
    // What is kept can go through every consumer: JSON text, structured clone, the export, a save.
    expect(JSON.parse(sessionJson(s))).toMatchObject({ id: 's' });
    expect(structuredClone(s).messages).toHaveLength(3);
    expect(await store.exportMarkdown('s')).toContain(nested(MAX_DEPTH - 4));
    await store.save(s);
    expect((await store.load('s')).messages).toHaveLength(3);
  });
});
