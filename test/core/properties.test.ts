// Property tests: random values and sessions through the raw-text helpers and a save/load round trip.
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactJson, goMarshal, rawInputs, rawInputsQuick } from '../../src/core/gojson';
import { newSession } from '../../src/core/new-session';
import { newJsonlStore } from '../../src/core/store';
import { titleFromMessages } from '../../src/core/title';
import type { ContentBlock, Message } from '../../src/shared/types';
import { tempDir } from '../support/fixtures';
import { modelOf } from '../support/stored-text';

const block: fc.Arbitrary<ContentBlock> = fc.oneof(
  fc.record({ type: fc.constant('text'), text: fc.string({ unit: 'grapheme', maxLength: 40 }) }),
  fc.record({
    type: fc.constant('tool_use'),
    tool_name: fc.string({ minLength: 1, maxLength: 8 }),
    tool_id: fc.string({ maxLength: 8 }),
    input: fc.jsonValue({ maxDepth: 3 }),
  }),
  fc.record({
    type: fc.constant('tool_result'),
    tool_id: fc.string({ maxLength: 8 }),
    output: fc.string({ unit: 'grapheme', maxLength: 60 }),
    is_error: fc.boolean(),
  }),
);
const message: fc.Arbitrary<Message> = fc.record({
  role: fc.constantFrom('user', 'assistant', 'system', 'tool'),
  content: fc.array(block, { maxLength: 4 }),
});

// Go's encoder omits empty strings and false booleans (omitempty), so a round trip drops them.
const withoutEmpty = (m: Message): Message => ({
  ...m,
  content: m.content.map(
    (b) =>
      Object.fromEntries(
        Object.entries(b).filter(([k, v]) => k === 'input' || (v !== '' && v !== false)),
      ) as ContentBlock,
  ),
});

// JSON can carry -0 only as 0; compare values as JSON would round-trip them.
const viaJson = (v: unknown): unknown => JSON.parse(JSON.stringify(v)) as unknown;

describe('raw JSON helpers', () => {
  it('quick and full raw-input extraction agree, and each raw text parses back to the input', () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 5 }), fc.boolean(), (content, pretty) => {
        const line = JSON.stringify(
          { type: 'message', message: { role: 'user', content } },
          null,
          pretty ? 2 : undefined,
        );
        const full = rawInputs(line);
        const owners = content.map((b, i) => [b, i] as const).filter(([b]) => b.input !== undefined);
        expect([...full.keys()]).toEqual(owners.map(([, i]) => i));
        for (const [b, i] of owners) expect(JSON.parse(full.get(i)!)).toEqual(viaJson(b.input));
        const quick = rawInputsQuick(line, owners.length);
        if (quick) expect(quick).toEqual(owners.map(([, i]) => full.get(i)));
      }),
      { numRuns: 300 },
    );
  });

  it('compactJson removes exactly the insignificant white space', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(compactJson(JSON.stringify(v, null, 2))).toBe(JSON.stringify(v));
      }),
      { numRuns: 300 },
    );
  });

  it('goMarshal is valid JSON with the same value, and never writes U+2028/U+2029 raw', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (v, s) => {
        const text = goMarshal({ v, s }, false);
        expect(JSON.parse(text)).toEqual(viaJson({ v, s: s.toWellFormed() }));
        expect(/[\u2028\u2029]/.test(text)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('titles', () => {
  it('are the text when it fits in 60 bytes, else 57 bytes (cut characters as U+FFFD) and "..."', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }), (text) => {
        const title = titleFromMessages([{ role: 'user', content: [{ type: 'text', text }] }])!;
        const bytes = Buffer.byteLength(text);
        if (bytes <= 60) {
          expect(title).toBe(text);
          return;
        }
        expect(title.endsWith('...')).toBe(true);
        const head = title.slice(0, -3).replace(/\uFFFD+$/, '');
        expect(text.startsWith(head)).toBe(true);
        expect(Buffer.byteLength(head) + (title.length - 3 - head.length)).toBe(57);
      }),
      { numRuns: 500 },
    );
  });
});

describe('save and load', () => {
  it('round-trips random sessions: same messages, same export', async () => {
    const store = await newJsonlStore(join(tempDir(), 'prop'));
    await fc.assert(
      fc.asyncProperty(
        fc.array(message, { maxLength: 6 }),
        fc.string({ maxLength: 30 }),
        async (messages, title) => {
          const s = newSession('vendor', 'endpoint', 'model');
          s.title = title;
          s.messages = structuredClone(messages);
          await store.save(s);
          const loaded = await store.load(s.id);
          expect(modelOf(loaded.messages)).toEqual(viaJson(s.messages.map(withoutEmpty)));
          expect(loaded.title).toBe(title.toWellFormed());
          const again = await store.exportMarkdown(s.id);
          await store.save(loaded);
          expect(
            (await store.exportMarkdown(s.id)).split('\n').filter((l) => !l.startsWith('**Updated:**')),
          ).toEqual(again.split('\n').filter((l) => !l.startsWith('**Updated:**')));
        },
      ),
      { numRuns: 60 },
    );
  });
});
