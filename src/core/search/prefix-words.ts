// The indexed words a typed prefix stands for. FTS5 answers a prefix query ("histog"*) by merging
// the hit lists of every such word into one, again at each statement; a query that counts inside
// sessions runs dozens of statements, and took over a second for a six-letter prefix on a 1 GB
// index (bench/search). Spelled out as an OR of its words, the same query costs no more than
// those words would. The words come from FTS5's vocabulary table, once per prefix until the
// index changes; a longer prefix is narrowed from a shorter one already looked up.
import type { Database } from 'node-sqlite3-wasm';
import { MIN_PREFIX } from '../../shared/search/query';

/** More words than this and a prefix is left to FTS5 (an OR of many words is slower than its merge). */
export const MAX_PREFIX_WORDS = 128;

// SQLite folds ASCII exactly as toLowerCase() does; other scripts it folds its own way, so their
// prefixes are left to FTS5.
const ASCII_WORD = /^[a-z0-9]+$/;

/** Looks up and remembers the words of prefixes in one index. */
export class PrefixWords {
  private readonly known = new Map<string, string[] | null>();
  private ready = false;

  constructor(private readonly db: Database) {}

  /** Forgets every prefix (the index has changed). */
  clear(): void {
    this.known.clear();
  }

  /** The indexed words starting with `prefix`, or null when FTS5 should expand it itself. */
  wordsOf(prefix: string): string[] | null {
    const p = prefix.toLowerCase();
    if (!ASCII_WORD.test(p)) return null;
    const found = this.known.get(p);
    if (found !== undefined) return found;
    const words = this.narrowed(p) ?? this.lookUp(p);
    if (this.known.size > 256) this.known.clear();
    this.known.set(p, words);
    return words;
  }

  // From the longest shorter prefix already looked up, when it had few enough words.
  private narrowed(p: string): string[] | undefined {
    for (let n = p.length - 1; n >= MIN_PREFIX; n--) {
      const shorter = this.known.get(p.slice(0, n));
      if (shorter) return shorter.filter((w) => w.startsWith(p));
    }
    return undefined;
  }

  private lookUp(p: string): string[] | null {
    if (!this.ready) {
      // A table of the connection's temporary schema: nothing is written to the index file.
      this.db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_words USING fts5vocab(main, 'fts', 'row')");
      this.ready = true;
    }
    const end = p.slice(0, -1) + String.fromCharCode(p.charCodeAt(p.length - 1) + 1);
    const rows = this.db.all('SELECT term FROM temp.fts_words WHERE term >= ? AND term < ? LIMIT ?', [
      p,
      end,
      MAX_PREFIX_WORDS + 1,
    ]) as { term: string }[];
    return rows.length > MAX_PREFIX_WORDS ? null : rows.map((r) => r.term);
  }
}
