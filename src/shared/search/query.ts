// The search syntax: words (all must match), "exact phrases", a prefix on the last word while
// typing, and filters in:tools, in:text, model:, vendor:, source:, after:YYYY-MM-DD, before:YYYY-MM-DD.
// An identifier typed unquoted (page_200, strutil.Reverse, src/main.ts, user-id) is one phrase
// of the words the index tokenizer splits it into, so it matches whole, as it would quoted.
import { tokenize } from './normalize';

/** A query word: `word` folded (to highlight with), `text` as typed (what FTS5 is given: SQLite
 * folds case and Latin accents only, so a word folded here, such as й -> и or a Korean syllable
 * split into letters, would no longer match what it indexed). */
export interface QueryWord {
  word: string;
  text: string;
}

/** A parsed query. */
export interface ParsedQuery {
  /** Single words; `prefix` on the last one when the user is still typing it. */
  terms: (QueryWord & { prefix: boolean })[];
  /** Phrases: words that must stand together in this order. */
  phrases: QueryWord[][];
  field: 'all' | 'text' | 'tools';
  model?: string;
  vendor?: string;
  /** Sources to look in (any of them: `source:claude source:codex`); absent: every source. */
  sources?: string[];
  /** Inclusive bounds on the session's updated time, in ms since the epoch. */
  after?: number;
  before?: number;
}

/** Letters a word being typed needs before it is searched as a prefix. */
export const MIN_PREFIX = 3;

const TOKEN = /(-?\w+:)?"([^"]*)"?|(\S+)/g;

function day(text: string, end: boolean): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(t) ? undefined : end ? t + 86_400_000 - 1 : t;
}

/** Parses the query text; `typing` puts a prefix on a last bare word not followed by a space. */
export function parseQuery(text: string, typing = true): ParsedQuery {
  const q: ParsedQuery = { terms: [], phrases: [], field: 'all' };
  for (const m of text.matchAll(TOKEN)) {
    const [, filter, quoted, bare] = m;
    if (quoted !== undefined && !filter) {
      const phrase = queryWords(quoted);
      if (phrase.length === 1) q.terms.push({ ...phrase[0]!, prefix: false });
      else if (phrase.length > 1) q.phrases.push(phrase);
      continue;
    }
    const raw = bare ?? `${filter}${quoted}`;
    const colon = raw.indexOf(':');
    const key = colon > 0 ? raw.slice(0, colon).toLowerCase() : '';
    const value = colon > 0 ? (quoted ?? raw.slice(colon + 1)) : '';
    if (key === 'in' && (value === 'tools' || value === 'text')) q.field = value;
    else if (key === 'model' && value) q.model = value.toLowerCase();
    else if (key === 'vendor' && value) q.vendor = value.toLowerCase();
    else if (key === 'source' && value) q.sources = [...(q.sources ?? []), value.toLowerCase()];
    else if (key === 'after' && day(value, false) !== undefined) q.after = day(value, false);
    else if (key === 'before' && day(value, true) !== undefined) q.before = day(value, true);
    else {
      const found = queryWords(raw);
      // Several words without a space between them (an identifier, a path, or Chinese and
      // Japanese, whose characters are words of their own in the index) stand together, as typed.
      if (found.length > 1) {
        q.phrases.push(found);
        continue;
      }
      const last = m.index + m[0].length === text.length;
      const open = typing && last && /[\p{L}\p{N}]$/u.test(raw);
      // A shorter prefix stands for hundreds of words with most of the messages between them
      // (0.7-1.9 s on a 1 GB corpus, bench/search): until a third letter, the word is searched whole.
      for (const w of found) q.terms.push({ ...w, prefix: open && w.word.length >= MIN_PREFIX });
    }
  }
  return q;
}

/** True when the query has nothing to look for. */
export function isEmptyQuery(q: ParsedQuery): boolean {
  return q.terms.length === 0 && q.phrases.length === 0;
}

// Marks alone (nothing left once folded) are no word: as a term they would match nothing.
// The index holds NFC text (SQLite does not normalize), so the words are given to it in NFC too.
function queryWords(text: string): QueryWord[] {
  return tokenize(text)
    .filter((t) => t.word !== '')
    .map((t) => ({ word: t.word, text: text.slice(t.start, t.end).normalize('NFC') }));
}

const quote = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** The FTS5 MATCH expression. Every word is quoted, so nothing in the text is FTS5 syntax. A
 * prefix is spelled out as the words `expand` gives for it, or left to FTS5 when it gives null. */
export function toFtsMatch(q: ParsedQuery, expand: (prefix: string) => string[] | null = () => null): string {
  const prefix = (text: string): string => {
    const words = expand(text);
    // No word has this prefix: FTS5's own prefix query finds nothing as quickly.
    if (words === null || words.length === 0) return `${quote(text)}*`;
    return words.length === 1 ? quote(words[0]!) : `(${words.map(quote).join(' OR ')})`;
  };
  const parts = [
    ...q.terms.map((t) => (t.prefix ? prefix(t.text) : quote(t.text))),
    ...q.phrases.map((p) => quote(p.map((w) => w.text).join(' '))),
  ];
  const body = parts.join(' AND ');
  return q.field === 'all' ? body : `{${q.field}} : (${body})`;
}
