// The candidate engine the index was compared with: MiniSearch (an in-memory inverted index in
// JavaScript) over the same rows (one per message, one per title), tokenized and folded like
// ours, answering the same queries the same way: AND of words, prefix on the last word while
// typing, field and session filters, grouped by session, one page with snippets read from the
// files. It has no positions, so a phrase is matched as its words in any order.
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { goTimeToMillis } from '../../src/shared/gotime';
import { decodeRecord } from '../../src/core/record';
import { messageFields } from '../../src/core/search/fields';
import { words } from '../../src/shared/search/normalize';
import { isEmptyQuery, parseQuery } from '../../src/shared/search/query';
import { snippetFor } from '../../src/shared/search/snippet';
import type { JsonlStore } from '../../src/core/store';
import { SessionTail } from '../../src/core/tail';
import type { SessionSummary } from '../../src/shared/types';

interface Row {
  id: number;
  sid: number;
  msg: number;
  offset: number;
  length: number;
  title: string;
  text: string;
  tools: string;
}

interface FileInfo {
  id: string;
  title: string;
  model: string;
  vendor: string;
  updatedMs: number;
}

const OPTIONS = {
  fields: ['title', 'text', 'tools'],
  storeFields: ['sid', 'msg', 'offset', 'length'],
  tokenize: words,
  processTerm: (term: string) => term,
};

/** A MiniSearch index of a store, with what its answers need to be grouped and filtered. */
export class MiniSearchEngine {
  private constructor(
    private readonly ms: MiniSearch<Row>,
    private readonly files: FileInfo[],
    private readonly dir: string,
  ) {}

  /** Indexes every message and title of `store`. */
  static async build(store: JsonlStore): Promise<MiniSearchEngine> {
    const ms = new MiniSearch<Row>(OPTIONS);
    const files: FileInfo[] = [];
    let id = 0;
    for (const s of (await store.list()) as SessionSummary[]) {
      const sid = files.length;
      files.push({
        id: s.id,
        title: s.title,
        model: s.model,
        vendor: s.vendor,
        updatedMs: goTimeToMillis(s.updated_at),
      });
      const rows: Row[] = [];
      if (s.title)
        rows.push({ id: id++, sid, msg: -1, offset: 0, length: 0, title: s.title, text: '', tools: '' });
      const update = await new SessionTail(join(store.dir(), `${s.id}.jsonl`), s.id).read();
      for (const { message, index, span } of update.messages) {
        const f = messageFields(message);
        if (f.text || f.tools)
          rows.push({ id: id++, sid, msg: index, ...span, title: '', text: f.text, tools: f.tools });
      }
      ms.addAll(rows);
    }
    return new MiniSearchEngine(ms, files, store.dir());
  }

  /** The index as MiniSearch serializes it (what an app would keep on disk). */
  serialized(): string {
    return JSON.stringify(this.ms);
  }

  /** Milliseconds to load a serialized index back (what every start of the app would pay). */
  static loadMs(json: string): number {
    const t = performance.now();
    MiniSearch.loadJSON(json, OPTIONS);
    return performance.now() - t;
  }

  /** One page of sessions (best first) with up to three snippets each, as search() answers. */
  async search(text: string, pageSize = 20): Promise<{ sessions: number; hits: number; snippets: number }> {
    const q = parseQuery(text);
    if (isEmptyQuery(q)) return { sessions: 0, hits: 0, snippets: 0 };
    const last = q.terms.length - 1;
    const queries = [
      ...q.terms.map((t, i) => ({ queries: [t.word], prefix: i === last && t.prefix })),
      ...q.phrases.map((p) => ({ queries: p.map((w) => w.word), combineWith: 'AND' as const })),
    ];
    const results = this.ms.search({
      combineWith: 'AND',
      queries,
      fields: q.field === 'all' ? undefined : [q.field],
      filter: (r) => {
        const f = this.files[r.sid as number]!;
        if (q.model && !f.model.toLowerCase().includes(q.model)) return false;
        if (q.vendor && !f.vendor.toLowerCase().includes(q.vendor)) return false;
        if (q.after !== undefined && f.updatedMs < q.after) return false;
        if (q.before !== undefined && f.updatedMs > q.before) return false;
        return true;
      },
    });
    const groups = new Map<number, { best: number; hits: typeof results }>();
    for (const r of results) {
      const g = groups.get(r.sid as number) ?? { best: r.score, hits: [] };
      g.best = Math.max(g.best, r.score);
      g.hits.push(r);
      groups.set(r.sid as number, g);
    }
    const page = [...groups]
      .sort(([a, x], [b, y]) => y.best - x.best || this.files[b]!.updatedMs - this.files[a]!.updatedMs)
      .slice(0, pageSize);
    let snippets = 0;
    for (const [sid, g] of page) {
      const top = g.hits.sort((a, b) => b.score - a.score).slice(0, 3);
      const handle = await open(join(this.dir, `${this.files[sid]!.id}.jsonl`), 'r');
      try {
        for (const h of top) {
          if ((h.msg as number) < 0) {
            snippetFor(this.files[sid]!.title, q);
          } else {
            const buf = Buffer.alloc(h.length as number);
            await handle.read(buf, 0, buf.length, h.offset as number);
            const rec = decodeRecord(buf.toString('utf8').trim());
            if (rec.type === 'message' && rec.message) {
              const f = messageFields(rec.message);
              if (snippetFor(f.text, q).highlights.length === 0) snippetFor(f.tools, q);
            }
          }
          snippets++;
        }
      } finally {
        await handle.close();
      }
    }
    return { sessions: groups.size, hits: results.length, snippets };
  }
}
