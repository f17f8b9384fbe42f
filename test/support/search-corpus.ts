// Random session directories for the search oracle: a small vocabulary with cased and accented
// variants (composed and decomposed), every searchable place of a message, titles, models,
// vendors and times near filter boundaries, damaged lines, repeated message ids, and the
// changes an agent and the app make later (appends, torn lines, rewrites, deletes, renames).
import { appendFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { emptySession } from '../../src/core/load';
import { messageLine, metaLine } from '../../src/core/serialize';
import type { JsonlStore } from '../../src/core/store';
import type { ContentBlock, Message, Session } from '../../src/shared/types';
import { tokenize } from '../../src/shared/search/normalize';
import type { QuerySpec } from './search-oracle';

/** Words of the corpus: case and accent variants of the same word, NFD spellings, other scripts. */
export const VOCABULARY = [
  'café',
  'CAFE',
  'Café',
  'cafe\u0301',
  'naïve',
  'NAIVE',
  'Élan',
  'e\u0301lan',
  'résumé',
  'RESUME',
  'über',
  'UBER',
  'Zoë',
  'Straße',
  'strasse',
  'parser',
  'Parser',
  'parse',
  'parsed',
  'cache',
  'CACHE',
  'cached',
  'key',
  'keys',
  'stale',
  'lock',
  'lockfile',
  'a',
  'x',
  'v2',
  '404',
  'привет',
  'ПРИВЕТ',
  'йод',
  'ЙОД',
  '검색',
  '검색'.normalize('NFD'),
  'ΑΛΦΑ',
  'αλφα',
  '缓存',
  '缓存命中',
  'キャッシュ',
];

const SEPARATORS = [' ', ' ', ' ', '\n', ', ', '-', '/', '.', '"', '(', ')', '_', '*', ':', '\t', "'"];

/** Words a query may look for: the vocabulary, tool names, input keys and words found nowhere. */
const QUERY_WORDS = [
  ...VOCABULARY,
  'bash',
  'cmd',
  'path',
  'Grep',
  'zzz',
  'lockfiles',
  '命中',
  '存命',
  'ャッ',
  // Identifiers: words of the corpus joined the way code joins them, matched whole.
  'cache_key',
  'parser.Parse',
  'lock/lockfile',
  'v2-404',
  'stale:key',
  'CAFE_naïve',
];

export const MODELS = ['claude-sonnet-4', 'Claude-Opus', 'gpt-4o', ''];
export const VENDORS = ['anthropic', 'openai', 'Open Router', ''];
/** Update times around the filter days, with offsets that move them to another UTC day. */
export const TIMES = [
  '2025-12-31T23:59:59Z',
  '2026-01-15T10:00:00.123456789Z',
  '2026-03-31T23:30:00-02:00',
  '2026-04-01T00:00:00Z',
  '2026-11-24T08:50:52+09:00',
];
const DAYS = ['2025-12-31', '2026-01-01', '2026-01-15', '2026-03-31', '2026-04-01', '2026-11-24'];

const sentence = (maxWords: number): fc.Arbitrary<string> =>
  fc
    .array(fc.tuple(fc.constantFrom(...VOCABULARY), fc.constantFrom(...SEPARATORS)), {
      minLength: 1,
      maxLength: maxWords,
    })
    .map((parts) => parts.map(([w, sep]) => w + sep).join(''));

const block: fc.Arbitrary<ContentBlock> = fc.oneof(
  fc.record({ type: fc.constant('text'), text: sentence(12) }),
  fc.record({ type: fc.constant('text'), text: sentence(4), reasoning_content: sentence(12) }),
  fc.record({
    type: fc.constant('tool_use'),
    tool_name: fc.constantFrom('bash', 'read_file', 'Grep'),
    tool_id: fc.constantFrom('t1', 't2'),
    input: fc.oneof(
      fc.record({ cmd: sentence(8) }),
      fc.record({ path: sentence(3), n: fc.integer({ min: 0, max: 9 }) }),
      fc.array(sentence(3), { maxLength: 2 }),
    ),
  }),
  fc.record({
    type: fc.constant('tool_result'),
    tool_id: fc.constantFrom('t1', 't2'),
    output: sentence(20),
    is_error: fc.boolean(),
  }),
  fc.constant({ type: 'image', image_mime: 'image/png', image_data: 'iVBORw0KGgo=' }),
);

/** A message; ids come from a small set so that repeats (shown once) happen. */
export const message: fc.Arbitrary<Message> = fc.record(
  {
    role: fc.constantFrom('user', 'assistant'),
    content: fc.array(block, { minLength: 1, maxLength: 3 }),
    id: fc.constantFrom('m1', 'm2', 'm3', 'm4'),
  },
  { requiredKeys: ['role', 'content'] },
);

/** One session as generated (ids are given when written). */
export interface SessionSpec {
  title: string;
  model: string;
  vendor: string;
  updated: string;
  messages: Message[];
  /** Where a damaged line goes among the message lines, if anywhere. */
  damagedAt: number | null;
}

const session: fc.Arbitrary<SessionSpec> = fc.record({
  title: fc.oneof(sentence(5), fc.constant(''), fc.constant('New session')),
  model: fc.constantFrom(...MODELS),
  vendor: fc.constantFrom(...VENDORS),
  updated: fc.constantFrom(...TIMES),
  messages: fc.array(message, { minLength: 1, maxLength: 8 }),
  damagedAt: fc.option(fc.nat({ max: 8 })),
});

/** A corpus of two to six sessions. */
export const corpus = fc.array(session, { minLength: 2, maxLength: 6 });

function toSession(id: string, spec: SessionSpec): Session {
  return {
    ...emptySession(id),
    title: spec.title,
    model: spec.model,
    vendor: spec.vendor,
    endpoint: 'default',
    created_at: '2025-12-01T00:00:00Z',
    updated_at: spec.updated,
  };
}

/** Writes the sessions as ggcode does (meta line, message lines; no index.json), ids s0, s1, ... */
export function writeCorpus(dir: string, sessions: SessionSpec[]): void {
  sessions.forEach((spec, i) => {
    const id = `s${i}`;
    const lines = spec.messages.map((m) => messageLine(id, m));
    if (spec.damagedAt !== null) lines.splice(spec.damagedAt, 0, '{"type":"message","message":{"role":\n');
    writeFileSync(join(dir, `${id}.jsonl`), metaLine(toSession(id, spec)) + lines.join(''));
  });
}

/** A later change to the directory; `target` picks a session among those present. */
export type Change =
  | { kind: 'append' | 'raw-append'; target: number; message: Message }
  | { kind: 'torn'; target: number; message: Message; cut: number }
  | { kind: 'rewrite'; target: number; messages: Message[] }
  | { kind: 'delete' | 'rename'; target: number };

export const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constantFrom('append' as const, 'raw-append' as const), target: fc.nat(), message }),
  fc.record({
    kind: fc.constant('torn' as const),
    target: fc.nat(),
    message,
    cut: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant('rewrite' as const),
    target: fc.nat(),
    messages: fc.array(message, { maxLength: 4 }),
  }),
  fc.record({ kind: fc.constantFrom('delete' as const, 'rename' as const), target: fc.nat() }),
);

/** Applies changes the way the app (store calls) and an agent (raw appends, torn lines) make them.
 * The rest of each torn line is written by the next call, as a writer finishing its line. */
export class Changer {
  private pending = new Map<string, string>();
  private renames = 0;

  constructor(private readonly store: JsonlStore) {}

  /** Finishes the torn lines of the previous round, then applies `changes`. */
  async apply(changes: Change[]): Promise<void> {
    for (const [id, rest] of this.pending) appendFileSync(this.path(id), rest);
    this.pending.clear();
    for (const c of changes) {
      const ids = (await this.store.list()).map((s) => s.id).sort();
      if (ids.length === 0) return;
      const id = ids[c.target % ids.length]!;
      await this.applyOne(id, c);
    }
  }

  private path(id: string): string {
    return join(this.store.dir(), `${id}.jsonl`);
  }

  private async applyOne(id: string, c: Change): Promise<void> {
    switch (c.kind) {
      case 'append':
        return this.store.appendMessage(await this.store.load(id), c.message);
      case 'raw-append':
        return appendFileSync(this.path(id), messageLine(id, c.message));
      case 'torn': {
        const line = messageLine(id, c.message);
        const at = Math.max(1, Math.floor(c.cut * line.length));
        appendFileSync(this.path(id), line.slice(0, at));
        this.pending.set(id, (this.pending.get(id) ?? '') + line.slice(at));
        return;
      }
      case 'rewrite':
        return this.store.save({ ...(await this.store.load(id)), messages: c.messages });
      case 'delete':
        this.pending.delete(id);
        await this.store.delete(id);
        return;
      case 'rename': {
        const to = `r${this.renames++}`;
        renameSync(this.path(id), this.path(to));
        const rest = this.pending.get(id);
        this.pending.delete(id);
        if (rest !== undefined) this.pending.set(to, rest);
        return;
      }
    }
  }
}

// A word as typed so far: its first `length` code points, or more when that would end inside a
// letter: before a combining mark, or inside a Korean syllable spelled in letters (a syllable
// typed in part, 검새 on the way to 검색, is another syllable to SQLite, which does not match it).
const INSIDE_LETTER = /[\p{M}\u1160-\u11ff]/u;
function typedPrefix(word: string, length: number): string {
  const chars = Array.from(word);
  let n = Math.min(length, chars.length);
  while (n < chars.length && INSIDE_LETTER.test(chars[n]!)) n++;
  return chars.slice(0, n).join('');
}

// Mostly absent: a filter or phrase in every query would leave too few hits to compare.
const sometimes = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 6 }, { arbitrary: arb, weight: 1 });

/** Runs of two or three adjacent words of the corpus's texts, so that phrases often match. */
function phrasesOf(sessions: SessionSpec[]): string[][] {
  const runs: string[][] = [];
  for (const s of sessions) {
    for (const m of s.messages) {
      for (const b of m.content) {
        const text = [b.text, b.reasoning_content, b.output].filter(Boolean).join(' ');
        const found = tokenize(text).map((t) => text.slice(t.start, t.end));
        for (let i = 0; i + 2 <= found.length && runs.length < 200; i += 3)
          runs.push(found.slice(i, i + 2 + (i % 2)));
      }
    }
  }
  return runs;
}

/** Queries for a corpus: one to three words (the last one maybe unfinished), maybe a phrase
 * (often one that occurs), maybe filters. */
export function queriesFor(sessions: SessionSpec[]): fc.Arbitrary<QuerySpec[]> {
  const runs = phrasesOf(sessions);
  const phrase = fc.oneof(
    fc.array(fc.constantFrom(...VOCABULARY), { minLength: 2, maxLength: 3 }),
    ...(runs.length > 0 ? [fc.constantFrom(...runs)] : []),
  );
  const one = fc
    .record({
      terms: fc.oneof(
        { arbitrary: fc.constant<string[]>([]), weight: 1 },
        { arbitrary: fc.array(fc.constantFrom(...QUERY_WORDS), { minLength: 1, maxLength: 3 }), weight: 6 },
      ),
      prefixLast: fc.boolean(),
      typed: fc.integer({ min: 1, max: 8 }),
      phrase: sometimes(phrase),
      field: fc.constantFrom('all' as const, 'all' as const, 'text' as const, 'tools' as const),
      model: sometimes(fc.constantFrom('claude', 'CLAUDE', 'gpt', 'opus', 'sonnet-4', 'x')),
      vendor: sometimes(fc.constantFrom('anthropic', 'OPENAI', 'open router', 'router')),
      after: sometimes(fc.constantFrom(...DAYS)),
      before: sometimes(fc.constantFrom(...DAYS)),
      filtersFirst: fc.boolean(),
    })
    .map(({ typed, terms, prefixLast, ...rest }): QuerySpec => {
      const open = prefixLast && terms.length > 0;
      return {
        ...rest,
        terms: open ? [...terms.slice(0, -1), typedPrefix(terms.at(-1)!, typed)] : [...terms],
        prefixLast: open,
      };
    });
  return fc.array(one, { minLength: 4, maxLength: 10 });
}
