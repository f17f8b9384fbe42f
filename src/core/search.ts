// Case-insensitive substring search over every session's title, text, tool input, tool output
// and reasoning. A first version that scans the files; the indexed search replaces its engine.
import type { SearchHit, Session } from '../shared/types';
import { rawInputText } from './raw';
import type { JsonlStore } from './store';

const SNIPPET_RADIUS = 60;

/** A one-line snippet around [start, end) of `text`, with the match's position inside it. */
export function snippetAround(
  text: string,
  start: number,
  end: number,
): Pick<SearchHit, 'snippet' | 'match'> {
  const from = Math.max(0, start - SNIPPET_RADIUS);
  const to = Math.min(text.length, end + SNIPPET_RADIUS);
  const lead = from > 0 ? '…' : '';
  const flat = (t: string): string => t.replace(/\s/g, ' ');
  const before = lead + flat(text.slice(from, start));
  const match = flat(text.slice(start, end));
  return {
    snippet: before + match + flat(text.slice(end, to)) + (to < text.length ? '…' : ''),
    match: [before.length, before.length + match.length],
  };
}

/** The searchable fields of a session, in reading order. */
function* fields(s: Session): Generator<[number, SearchHit['field'], string]> {
  yield [-1, 'title', s.title];
  for (const [i, m] of s.messages.entries()) {
    for (const b of m.content) {
      if (b.text) yield [i, 'text', b.text];
      if (typeof b.reasoning_content === 'string' && b.reasoning_content)
        yield [i, 'reasoning', b.reasoning_content];
      if (b.type === 'tool_use' && b.input !== undefined) yield [i, 'tool_input', rawInputText(b)];
      if (b.output) yield [i, 'tool_output', b.output];
    }
  }
}

/** Hits in one loaded session: at most one per message and field, the first occurrence. */
export function searchSession(s: Session, query: string): SearchHit[] {
  const needle = query.toLowerCase();
  if (!needle) return [];
  const hits: SearchHit[] = [];
  for (const [message, field, text] of fields(s)) {
    const at = text.toLowerCase().indexOf(needle);
    if (at < 0) continue;
    hits.push({
      session_id: s.id,
      title: s.title,
      message,
      field,
      ...snippetAround(text, at, at + needle.length),
    });
  }
  return hits;
}

/** Searches every session, newest first, up to `limit` hits (default 100). */
export async function searchSessions(
  store: JsonlStore,
  query: string,
  options: { limit?: number } = {},
): Promise<SearchHit[]> {
  const limit = options.limit ?? 100;
  const hits: SearchHit[] = [];
  if (!query.trim()) return hits;
  for (const summary of await store.list()) {
    let session: Session;
    try {
      session = await store.load(summary.id);
    } catch {
      continue; // deleted meanwhile
    }
    // The list's title (from the index) is the one the user knows the session by.
    for (const hit of searchSession({ ...session, title: summary.title || session.title }, query)) {
      hits.push(hit);
      if (hits.length >= limit) return hits;
    }
  }
  return hits;
}
