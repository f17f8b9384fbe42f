// The search syntax: words (all must match), "exact phrases", a prefix on the last word while
// typing, and filters in:tools, in:text, model:, vendor:, after:YYYY-MM-DD, before:YYYY-MM-DD.
import { words } from './normalize';

/** A parsed query. */
export interface ParsedQuery {
  /** Single words; `prefix` on the last one when the user is still typing it. */
  terms: { word: string; prefix: boolean }[];
  /** Phrases: words that must stand together in this order. */
  phrases: string[][];
  field: 'all' | 'text' | 'tools';
  model?: string;
  vendor?: string;
  /** Inclusive bounds on the session's updated time, in ms since the epoch. */
  after?: number;
  before?: number;
}

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
      const phrase = words(quoted);
      if (phrase.length === 1) q.terms.push({ word: phrase[0]!, prefix: false });
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
    else if (key === 'after' && day(value, false) !== undefined) q.after = day(value, false);
    else if (key === 'before' && day(value, true) !== undefined) q.before = day(value, true);
    else {
      const found = words(raw);
      const last = m.index + m[0].length === text.length;
      const open = typing && last && /[\p{L}\p{N}]$/u.test(raw);
      // A one-letter prefix would match most of the vocabulary: wait for a second letter.
      found.forEach((word, i) =>
        q.terms.push({ word, prefix: open && i === found.length - 1 && word.length >= 2 }),
      );
    }
  }
  return q;
}

/** True when the query has nothing to look for. */
export function isEmptyQuery(q: ParsedQuery): boolean {
  return q.terms.length === 0 && q.phrases.length === 0;
}

const quote = (word: string): string => `"${word.replace(/"/g, '""')}"`;

/** The FTS5 MATCH expression. Every word is quoted, so nothing in the text is FTS5 syntax. */
export function toFtsMatch(q: ParsedQuery): string {
  const parts = [
    ...q.terms.map((t) => (t.prefix ? `${quote(t.word)}*` : quote(t.word))),
    ...q.phrases.map((p) => quote(p.join(' '))),
  ];
  const body = parts.join(' AND ');
  return q.field === 'all' ? body : `{${q.field}} : (${body})`;
}
