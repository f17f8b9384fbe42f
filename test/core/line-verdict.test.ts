// The byte-level verdict on a line against what a full decode (goTrimSpace, JSON.parse,
// decodeRecord) makes of the same bytes, on random, hostile and damaged lines placed at random
// offsets of a larger buffer (alignment, and bytes around the line that must not count).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goTrimSpace } from '../../src/core/gotrim';
import {
  DECODE,
  lineVerdict,
  MESSAGE,
  META,
  NOTHING,
  verdictId,
  verdictMeta,
} from '../../src/core/line-verdict';
import { loadSessionFile } from '../../src/core/load';
import { decodeRecord, type MetaFields } from '../../src/core/record';
import { scanWithStats } from '../../src/core/scan';
import { tempDir } from '../support/fixtures';

type Truth =
  | { kind: 'nothing' }
  | { kind: 'message'; id: string | undefined }
  | { kind: 'meta'; meta: MetaFields }
  | { kind: 'decode' };

/** What a summary takes from the line, by a full decode: nothing, a message, a meta, or something
 * only a decode gives (a cost; an invalid line is 'decode' too, as the verdict must never count it). */
function truth(bytes: Buffer): Truth {
  const text = goTrimSpace(bytes.toString('utf8'));
  if (text.charCodeAt(0) !== 123) return { kind: 'nothing' };
  let rec;
  try {
    rec = decodeRecord(text, false);
  } catch {
    return { kind: 'decode' };
  }
  if (rec.type === 'meta') return { kind: 'meta', meta: rec.meta };
  if (rec.type === 'cost') return { kind: 'decode' };
  if (rec.type === 'message' && rec.message) return { kind: 'message', id: rec.message.id };
  return { kind: 'nothing' };
}

/** The verdict on `line` placed after `before` and followed by `after` in one buffer. */
function verdictIn(line: Buffer, before: Buffer, after: Buffer): Truth {
  const buf = Buffer.concat([before, line, after]);
  const v = lineVerdict(buf, before.length, before.length + line.length);
  if (v === NOTHING) return { kind: 'nothing' };
  if (v === MESSAGE) return { kind: 'message', id: verdictId() };
  if (v === META) return { kind: 'meta', meta: verdictMeta() };
  expect(v).toBe(DECODE);
  return { kind: 'decode' };
}

// A decode is always a right answer; a sure answer must be the decode's.
function agrees(line: Buffer, before: Buffer, after: Buffer): Truth {
  const got = verdictIn(line, before, after);
  if (got.kind !== 'decode') expect(got).toEqual(truth(line));
  return got;
}

// JSON's white space, mostly none; rarely \v or \f, which Go trims around a line but JSON refuses.
const ws = fc.oneof(
  { weight: 40, arbitrary: fc.constant('') },
  { weight: 4, arbitrary: fc.constantFrom(' ', '\t', '\r', '\n', ' \r\n\t') },
  { weight: 1, arbitrary: fc.constantFrom('\v', '\f') },
);
const glue = (parts: string[], pads: string[]): string => parts.map((p, i) => p + (pads[i] ?? '')).join('');
const padded = (parts: string[]): fc.Arbitrary<string> =>
  fc
    .array(ws, { minLength: parts.length + 1, maxLength: parts.length + 1 })
    .map((pads) => pads[0] + glue(parts, pads.slice(1)));

const tricky = fc.constantFrom(
  '"',
  '\\',
  '\u0000',
  '\u001f',
  '\u007f',
  ' ',
  'é',
  '\u2028',
  '😀',
  '\ud800',
  '\udfff',
  'a',
);
const str = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: tricky, maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom(
    'message',
    'meta',
    'cost',
    'usage',
    'checkpoint',
    '',
    '0001-01-01T00:00:00Z',
    '2026-01-02T03:04:05Z',
  ),
);
const strText = str.map((s) => JSON.stringify(s));
// Scalars as JSON.parse may or may not take them.
const scalarText = fc.oneof(
  { weight: 12, arbitrary: strText },
  {
    weight: 6,
    arbitrary: fc.constantFrom('null', 'true', 'false', '0', '-0', '1e400', '-1.5E-3', '12', '1E+2'),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '01',
      '1.',
      '.5',
      '-',
      '+1',
      '1e',
      'tru',
      'nul',
      'NaN',
      '"\\x"',
      '"\\u12"',
      '"\\u12G4"',
      '"a\tb"',
      '"\\ud800"',
    ),
  },
);
const valueText = (depth: number): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 16, arbitrary: scalarText },
    { weight: 8, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 997 - depth, max: 1001 - depth })
        .map((n) => '['.repeat(n) + ']'.repeat(n)),
    },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 995 - depth, max: 1002 - depth })
        .map((n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)),
    },
  );

// An object of members [key, value text] in the order given (duplicates kept, as a file may hold them).
const objectText = (members: fc.Arbitrary<[string, string]>): fc.Arbitrary<string> =>
  fc
    .array(members, { maxLength: 7 })
    .chain((ms) =>
      padded(['{', ...ms.flatMap(([k, v], i) => [(i ? ',' : '') + JSON.stringify(k), ':', v]), '}']),
    );
// A checked field's value: mostly of its type (or null), sometimes anything.
const mostly = (right: fc.Arbitrary<string>, depth: number): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 12, arbitrary: right },
    { weight: 1, arbitrary: fc.constant('null') },
    { weight: 1, arbitrary: valueText(depth) },
  );
const member = (key: fc.Arbitrary<string>, value: fc.Arbitrary<string>): fc.Arbitrary<[string, string]> =>
  fc.tuple(key, value);
const timeText = fc.constantFrom(
  '"0001-01-01T00:00:00Z"',
  '""',
  '"2026-01-02T03:04:05Z"',
  '"2026-01-02T03:04:05.5+01:00"',
  '"yesterday"',
);

const blockText = objectText(
  fc.oneof(
    member(
      fc.constantFrom('type', 'text', 'image_mime', 'image_data', 'tool_name', 'tool_id', 'output'),
      mostly(strText, 4),
    ),
    member(fc.constant('is_error'), mostly(fc.constantFrom('true', 'false'), 4)),
    member(str, valueText(4)),
  ),
);
const contentText = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .array(fc.oneof({ weight: 12, arbitrary: blockText }, { weight: 1, arbitrary: valueText(3) }), {
        maxLength: 4,
      })
      .chain((bs) => padded(['[', bs.join(','), ']'])),
  },
  { weight: 1, arbitrary: valueText(2) },
);
const messageText = fc.oneof(
  {
    weight: 8,
    arbitrary: objectText(
      fc.oneof(
        member(fc.constant('content'), contentText),
        member(fc.constant('role'), mostly(strText, 2)),
        member(fc.constant('id'), mostly(strText, 2)),
        member(str, valueText(2)),
      ),
    ),
  },
  { weight: 1, arbitrary: valueText(1) },
);
const typeText = fc.constantFrom(
  '"message"',
  '"message"',
  '"message"',
  '"meta"',
  '"meta"',
  '"cost"',
  '"usage"',
  '"mess\\u0061ge"',
);
const recordText = objectText(
  fc.oneof(
    { weight: 3, arbitrary: member(fc.constant('message'), messageText) },
    { weight: 3, arbitrary: member(fc.constant('type'), mostly(typeText, 1)) },
    { weight: 2, arbitrary: member(fc.constantFrom('created_at', 'updated_at'), mostly(timeText, 1)) },
    { weight: 1, arbitrary: member(fc.constant('session_id'), mostly(strText, 1)) },
    {
      weight: 2,
      arbitrary: member(
        fc.constantFrom('title', 'vendor', 'endpoint', 'model', 'workspace'),
        mostly(strText, 1),
      ),
    },
    { weight: 1, arbitrary: member(str, valueText(1)) },
  ),
);

// A line as bytes, maybe damaged: cut, a byte changed or inserted, Unicode or ASCII space around it.
const damaged = (line: string): fc.Arbitrary<Buffer> =>
  fc
    .tuple(
      fc.constantFrom('none', 'none', 'none', 'none', 'cut', 'set', 'insert', 'around'),
      fc.nat(),
      fc.constantFrom(
        0x00,
        0x09,
        0x0b,
        0x22,
        0x30,
        0x5c,
        0x7b,
        0x7d,
        0x80,
        0x85,
        0xa0,
        0xbf,
        0xc2,
        0xc3,
        0xe2,
        0xed,
        0xf0,
        0xff,
      ),
      fc.constantFrom('\u00a0', '\u3000', '\u0085', '\ufeff', '\u200b', ' ', '\v', '\r', ''),
    )
    .map(([how, at, byte, space]) => {
      const b = Buffer.from(line);
      const i = b.length ? at % b.length : 0;
      if (how === 'cut') return b.subarray(0, i);
      if (how === 'set' && b.length)
        return Buffer.concat([b.subarray(0, i), Buffer.of(byte), b.subarray(i + 1)]);
      if (how === 'insert') return Buffer.concat([b.subarray(0, i), Buffer.of(byte), b.subarray(i)]);
      if (how === 'around') return Buffer.from(space + line + space);
      return b;
    });
const edge = fc.uint8Array({ maxLength: 7 }).map((a) => Buffer.from(a));

const rec = (message: string, extra = ''): string => `{"type":"message"${extra},"message":${message}}`;
const nested = (n: number): string => rec('{}', `,"x":${'['.repeat(n)}${']'.repeat(n)}`);

describe('lineVerdict', () => {
  // [line, what a full decode makes of it]; a verdict of 'decode' is only accepted where given.
  it.each([
    [rec('{}', ',"n":01'), 'decode'],
    [rec('{}', ',"n":-0'), 'message'],
    [rec('{}', ',"n":1e400'), 'message'],
    [rec('{}', ',"n":1E+2'), 'message'],
    [rec('{}', ',"n":1.'), 'decode'],
    [rec('{}', ',"n":.5'), 'decode'],
    [rec('{}', ',"n":-'), 'decode'],
    [rec('{}', ',"n":1e'), 'decode'],
    [rec('{}', ',"n":tru'), 'decode'],
    [rec('{"content":[{"text":1,"text":"a"}]}'), 'message'],
    [rec('{"content":[{"text":"a","text":1}]}'), 'decode'],
    [rec('{"content":5,"content":[]}'), 'message'],
    [rec('{"content":[],"content":"a"}'), 'decode'],
    [rec('{"role":5,"role":null}'), 'message'],
    [rec('{"id":"a","id":5}'), 'message'],
    [rec('{"id":5,"id":"b"}'), 'message'],
    ['{"message":{"id":"x"},"type":"message"}', 'message'],
    ['{"type":7,"type":"message","message":{}}', 'message'],
    ['{"type":"message","type":7,"message":{}}', 'decode'],
    [rec('{}') + ',"message":null}', 'decode'],
    ['{"type":"message","message":{},"message":null}', 'nothing'],
    ['{"type":"message","message":null,"message":{}}', 'message'],
    ['{"type":"usage","message":5}', 'nothing'],
    ['{"type":"checkpoint","checkpoint_messages":[5]}', 'nothing'],
    [rec('{}', ',"created_at":"2026-13-01T00:00:00Z"'), 'decode'],
    [rec('{}', ',"created_at":"2026-01-01T00:00:00Z","created_at":""'), 'message'],
    [rec('{}', ',"session_id":null,"created_at":null,"updated_at":null'), 'message'],
    [rec('{}', ',"session_id":{}'), 'decode'],
    [rec('{"content":[{"is_error":1}]}'), 'decode'],
    [rec('{"content":[{"is_error":"true"}]}'), 'decode'],
    [rec('{"content":[{"is_error":null,"output":null}]}'), 'message'],
    [rec('{"content":[null]}'), 'decode'],
    [rec('{"content":[[]]}'), 'decode'],
    [rec('[]'), 'decode'],
    [rec('"x"'), 'decode'],
    [rec('{"content":[{"type":"text"},]}'), 'decode'],
    [rec('{"text":"a\\u0000b"}'), 'message'],
    [rec('{"text":"a\u0000b"}'), 'decode'],
    [rec('{"text":"a\tb"}'), 'decode'],
    [rec('{"t":"\\/ \\u00E9 \\uDFFF \\\\"}'), 'message'],
    [rec('{"t":"\\U0041"}'), 'decode'],
    [rec('{"t":"\\\'"}'), 'decode'],
    [rec('{}') + ' \t\v\f\r', 'message'],
    ['\v\f \t' + rec('{}'), 'message'],
    ['{"type":"message" \v,"message":{}}', 'decode'],
    [rec('{}') + ' {}', 'decode'],
    [rec('{}') + ',', 'decode'],
    ['{"type":"message","message":{},}', 'decode'],
    ['{"a"}', 'decode'],
    ['{"a":1 "b":2}', 'decode'],
    ['x' + rec('{}'), 'nothing'],
    ['', 'nothing'],
    ['   ', 'nothing'],
    [nested(999), 'message'],
    [nested(1000), 'decode'],
    [nested(1000).replace('"x"', '"x":1,"x"'), 'decode'],
  ])('%s is %s', (line, kind) => {
    const got = agrees(Buffer.from(line), Buffer.alloc(1), Buffer.alloc(0));
    expect(truth(Buffer.from(line)).kind).toBe(kind);
    if (kind !== 'decode') expect(got.kind).toBe(kind);
  });

  it.each([
    [
      'a raw U+0085 byte (not UTF-8) before',
      Buffer.concat([Buffer.of(0x85), Buffer.from(rec('{}'))]),
      'nothing',
    ],
    ['a raw 0xA0 byte after', Buffer.concat([Buffer.from(rec('{}')), Buffer.of(0xa0)]), 'decode'],
    ['U+0085 after', Buffer.from(rec('{}') + '\u0085'), 'message'],
    ['U+00A0 before', Buffer.from('\u00a0' + rec('{}')), 'message'],
    ['a BOM before', Buffer.from('\ufeff' + rec('{}')), 'nothing'],
  ])('a line with %s', (_, line, kind) => {
    agrees(line, Buffer.alloc(2), Buffer.alloc(3));
    expect(truth(line).kind).toBe(kind);
  });

  it('answers as a full decode does on random, hostile and damaged records', () => {
    fc.assert(
      fc.property(recordText.chain(damaged), edge, edge, (line, before, after) => {
        agrees(line, before, after);
      }),
      { numRuns: 5000 },
    );
  });

  it('answers by itself for plain metas: title, times and workspace as the decode reads them', () => {
    const text = fc.oneof(fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 8 }));
    const plain = fc.record(
      {
        type: fc.constant('meta'),
        title: fc.option(text),
        vendor: text,
        endpoint: text,
        model: text,
        workspace: fc.oneof(text, fc.constant(5), fc.constant(null)),
        created_at: fc.constantFrom('0001-01-01T00:00:00Z', '2026-01-02T03:04:05.123456789+01:00', ''),
        updated_at: fc.option(fc.constantFrom('2026-01-02T03:04:05Z')),
      },
      { requiredKeys: ['type'] },
    );
    fc.assert(
      fc.property(plain, edge, edge, (rec, before, after) => {
        const line = Buffer.from(JSON.stringify(rec));
        const got = agrees(line, before, after);
        // Escaped times are left to the decode; every other plain meta is read here.
        if (!JSON.stringify(rec.created_at ?? '').includes('\\')) expect(got.kind).toBe('meta');
      }),
      { numRuns: 1000 },
    );
  });

  it('answers by itself for plain records: only cost and invalid lines are decoded', () => {
    const plain = fc.record({
      type: fc.constantFrom('message', 'usage', 'checkpoint', 'x'),
      session_id: fc.string({ maxLength: 8 }),
      created_at: fc.constantFrom('0001-01-01T00:00:00Z', '2026-01-02T03:04:05.123456789+01:00', ''),
      message: fc.option(
        fc.record(
          {
            role: fc.constantFrom('user', 'assistant'),
            id: fc.stringMatching(/^[\w\u00e9\u4e00-\u4e10 .-]{0,8}$/),
            content: fc.array(
              fc.record(
                {
                  type: fc.constantFrom('text', 'tool_use'),
                  text: fc.string({ unit: 'binary', maxLength: 300 }),
                  input: fc.jsonValue({ maxDepth: 4 }),
                  is_error: fc.boolean(),
                },
                { requiredKeys: ['type'] },
              ),
              { maxLength: 4 },
            ),
          },
          { requiredKeys: ['role'] },
        ),
      ),
    });
    fc.assert(
      fc.property(plain, fc.boolean(), edge, edge, (rec, pretty, before, after) => {
        const line = Buffer.from(JSON.stringify(rec, null, pretty ? 1 : undefined));
        expect(agrees(line, before, after).kind).not.toBe('decode');
      }),
      { numRuns: 1500 },
    );
  });

  it('reads ids with invalid UTF-8 as the line decodes them, and gives up on escaped ones', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(0x61, 0x80, 0xbf, 0xc3, 0xa9, 0xe2, 0x82, 0xed, 0xa0, 0xf0, 0x9f, 0xff), {
          maxLength: 10,
        }),
        edge,
        edge,
        (idBytes, before, after) => {
          const line = Buffer.concat([
            Buffer.from('{"type":"message","message":{"role":"user","id":"'),
            Buffer.from(idBytes),
            Buffer.from('","content":[]}}'),
          ]);
          expect(agrees(line, before, after).kind).toBe('message');
        },
      ),
    );
    expect(
      verdictIn(
        Buffer.from('{"type":"message","message":{"id":"a\\u0062"}}'),
        Buffer.alloc(0),
        Buffer.alloc(0),
      ).kind,
    ).toBe('decode');
  });

  it('walks long strings word by word at every alignment, stopping at escapes and controls', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 3 }),
        fc.nat({ max: 5000 }),
        fc.constantFrom('', '\\"', '\\\\', '\u0001', '"', 'é', '\\u00e9'),
        (shift, at, odd) => {
          const long = 'abcdefgh'.repeat(700);
          const text = long.slice(0, at) + odd + long.slice(at);
          const line = Buffer.from(
            `{"type":"message","message":{"role":"user","content":[{"type":"text","text":"${text}"}]}}`,
          );
          const got = agrees(line, Buffer.alloc(shift), Buffer.from('"}]}}'));
          expect(got.kind).toBe(truth(line).kind);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('leaves a line longer than a string can be to the decode', () => {
    // Only the length is looked at first: a view past the end of a small buffer is enough.
    const buf = Buffer.from('{"type":"message","message":{}}');
    expect(lineVerdict(buf, 0, 2 ** 31)).toBe(DECODE);
  });

  it('leaves a list summary exactly what a full load gives, for files of such lines', async () => {
    const dir = tempDir();
    const metaLine = '{"type":"meta","title":"t","created_at":"2026-01-01T00:00:00Z"}';
    const withId = fc
      .constantFrom('a', 'b', 'é')
      .map((id) => rec(`{"role":"user","id":"${id}","content":[]}`));
    const fileLine = fc.oneof(
      recordText.chain(damaged),
      withId.map((l) => Buffer.from(l)),
    );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fileLine, { minLength: 1, maxLength: 10 }),
        fc.boolean(),
        async (lines, meta) => {
          const path = join(dir, `s${n++}.jsonl`);
          const parts = meta ? [Buffer.from(metaLine), ...lines] : lines;
          writeFileSync(path, Buffer.concat(parts.flatMap((l) => [l, Buffer.from('\n')])));
          const loaded = await loadSessionFile(path, 's');
          const { summary } = await scanWithStats(path, 's');
          expect(summary).toMatchObject({
            msg_count: loaded.messages.length,
            title: loaded.title,
            created_at: loaded.created_at,
            updated_at: loaded.updated_at,
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
