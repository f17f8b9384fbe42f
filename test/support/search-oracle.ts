// A brute-force reference for full-text search: loads every session with the store and matches
// each message word by word, with the index's folding (normalize.ts) and field split (fields.ts),
// so the FTS5 answers can be compared with what the query syntax promises.
import { messageFields } from '../../src/core/search/fields';
import { words } from '../../src/core/search/normalize';
import { MIN_PREFIX } from '../../src/core/search/query';
import { goTimeToMillis } from '../../src/core/gotime';
import type { JsonlStore } from '../../src/core/store';

/** A query as generated: rendered to text by `renderQuery`, interpreted by `oracleHits`. */
export interface QuerySpec {
  /** Bare words as typed; with `prefixLast` the last one is unfinished (a prefix while typing). */
  terms: string[];
  prefixLast: boolean;
  /** Words that must stand together, in order (two or more). */
  phrase?: string[];
  field: 'all' | 'text' | 'tools';
  model?: string;
  vendor?: string;
  /** YYYY-MM-DD, inclusive, in UTC. */
  after?: string;
  before?: string;
  /** Where the filters stand among the words (they may come anywhere). */
  filtersFirst: boolean;
}

/** The query text for `spec`: filters and words in the order asked, a space after the last part
 * unless the last word is being typed. */
export function renderQuery(spec: QuerySpec): string {
  const filters: string[] = [];
  if (spec.field !== 'all') filters.push(`in:${spec.field}`);
  if (spec.model !== undefined) filters.push(`model:${spec.model}`);
  if (spec.vendor !== undefined)
    filters.push(/\s/.test(spec.vendor) ? `vendor:"${spec.vendor}"` : `vendor:${spec.vendor}`);
  if (spec.after !== undefined) filters.push(`after:${spec.after}`);
  if (spec.before !== undefined) filters.push(`before:${spec.before}`);
  const phrase = spec.phrase ? [`"${spec.phrase.join(' ')}"`] : [];
  const parts = spec.filtersFirst
    ? [...filters, ...phrase, ...spec.terms]
    : [...phrase, ...spec.terms.slice(0, -1), ...filters, ...spec.terms.slice(-1)];
  const last = spec.terms.length > 0 && parts.at(-1) === spec.terms.at(-1);
  return parts.join(' ') + (spec.prefixLast && last ? '' : ' ');
}

/** One indexed row of a session: a message's two columns, or the title (message -1). */
interface Doc {
  msg: number;
  title: string[];
  text: string[];
  tools: string[];
}

/** A session as the brute force sees it: its list summary and every row's folded words. */
export interface OracleSession {
  id: string;
  model: string;
  vendor: string;
  updatedMs: number;
  docs: Doc[];
}

/** Every session of `store`, loaded in full and split into rows the way the index splits them. */
export async function loadOracle(store: JsonlStore): Promise<OracleSession[]> {
  const out: OracleSession[] = [];
  for (const s of await store.list()) {
    const session = await store.load(s.id);
    const docs: Doc[] = [{ msg: -1, title: words(s.title), text: [], tools: [] }];
    session.messages.forEach((m, msg) => {
      const f = messageFields(m);
      if (f.text || f.tools) docs.push({ msg, title: [], text: words(f.text), tools: words(f.tools) });
    });
    out.push({ id: s.id, model: s.model, vendor: s.vendor, updatedMs: goTimeToMillis(s.updated_at), docs });
  }
  return out;
}

interface Term {
  word: string;
  prefix: boolean;
}

function hasSequence(haystack: string[], needle: string[]): boolean {
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    if (needle.every((w, k) => haystack[i + k] === w)) return true;
  }
  return false;
}

// FTS5 semantics of "a AND b AND "c d"" over a row: each word anywhere in the searched columns,
// each phrase inside one column.
function docMatches(columns: string[][], terms: Term[], phrases: string[][]): boolean {
  return (
    terms.every((t) =>
      columns.some((c) => c.some((w) => (t.prefix ? w.startsWith(t.word) : w === t.word))),
    ) && phrases.every((p) => columns.some((c) => hasSequence(c, p)))
  );
}

const utcDay = (day: string): number => Date.parse(`${day}T00:00:00Z`);

/** The matching message indexes (and whether the title matched) of every session with a hit.
 * `sessionFilters` applies model, vendor and dates, as search() does (sessionMatches() looks
 * inside one session, whatever it is). */
export function oracleHits(
  sessions: OracleSession[],
  spec: QuerySpec,
  sessionFilters: boolean,
): Map<string, { messages: number[]; title: boolean }> {
  // Words typed without a space between them (an identifier such as page_200 or src/main.ts, or
  // a run of Chinese or Japanese) are a phrase: they must stand together, in that order.
  const runs = spec.terms.filter((raw) => words(raw).length > 1).map(words);
  const terms: Term[] = spec.terms.flatMap((raw, i) => {
    const found = words(raw);
    if (found.length > 1) return [];
    // A word followed by a mark (cache_, parse.) was typed to its end: it is searched whole.
    const open = spec.prefixLast && i === spec.terms.length - 1 && /[\p{L}\p{N}]$/u.test(raw);
    return found.map((word, k) => ({
      word,
      prefix: open && k === found.length - 1 && word.length >= MIN_PREFIX,
    }));
  });
  const phraseWords = spec.phrase ? words(spec.phrase.join(' ')) : [];
  if (phraseWords.length === 1) terms.push({ word: phraseWords[0]!, prefix: false });
  const phrases = [...runs, ...(phraseWords.length > 1 ? [phraseWords] : [])];
  const hits = new Map<string, { messages: number[]; title: boolean }>();
  if (terms.length === 0 && phrases.length === 0) return hits;
  for (const s of sessions) {
    if (sessionFilters && !keepSession(s, spec)) continue;
    const messages: number[] = [];
    let title = false;
    for (const d of s.docs) {
      const columns =
        spec.field === 'all' ? [d.title, d.text, d.tools] : spec.field === 'text' ? [d.text] : [d.tools];
      if (!docMatches(columns, terms, phrases)) continue;
      if (d.msg < 0) title = true;
      else messages.push(d.msg);
    }
    if (messages.length > 0 || title) hits.set(s.id, { messages, title });
  }
  return hits;
}

function keepSession(s: OracleSession, spec: QuerySpec): boolean {
  if (spec.model !== undefined && !s.model.toLowerCase().includes(spec.model.toLowerCase())) return false;
  if (spec.vendor !== undefined && !s.vendor.toLowerCase().includes(spec.vendor.toLowerCase())) return false;
  if (spec.after !== undefined && s.updatedMs < utcDay(spec.after)) return false;
  if (spec.before !== undefined && s.updatedMs >= utcDay(spec.before) + 86_400_000) return false;
  return true;
}

/** True when the highlighted text is one of the query's words (or starts with its prefix) or its phrase. */
export function highlightFits(highlighted: string, spec: QuerySpec): boolean {
  const found = words(highlighted);
  const isRun = (raw: string) => words(raw).length > 1;
  const terms = spec.terms.filter((raw) => !isRun(raw)).flatMap((raw) => words(raw));
  const phrases = spec.terms.filter(isRun).map(words);
  if (spec.phrase) phrases.push(words(spec.phrase.join(' ')));
  if (found.length === 1) {
    const w = found[0]!;
    const last = spec.terms.at(-1);
    if (terms.includes(w) || phrases.some((p) => p.length === 1 && p[0] === w)) return true;
    return spec.prefixLast && last !== undefined && !isRun(last) && w.startsWith(words(last).at(-1) ?? '');
  }
  return phrases.some((p) => found.length === p.length && found.every((w, i) => w === p[i]));
}
