// The sources the app reads, as one store: one list of every session (newest first), and load,
// export and delete routed to the source an id belongs to. Other agents' sources are read-only:
// deleting one of their sessions is refused with one line, and nothing of theirs is written.
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Session, SessionList, SessionSummary } from '../../shared/types';
import type { SourceInfo, StoreInfo } from '../../shared/contract';
import { SessionNotFoundError, StoreError } from '../errors';
import { assertValidId } from '../ids';
import { sha256Hex } from '../lazy-crypto';
import { parseGoTime } from '../../shared/gotime';
import { exportSessionMarkdown, type SessionMarkdown } from '../export/export-markdown';
import { indexFileFor } from '../search/cache-dir';
import { JsonlStore } from '../store';
import { GgcodeSource, adapter as ggcodeAdapter } from './ggcode/index';
import { loadPriceTable, type PriceTable } from './pricing/pricing';
import { adapterNamed } from './registry';
import type { SourceSetting } from './selection';
import type { SessionSource } from './source';

/** A session of a read-only source: Transcripts never deletes or rewrites another agent's files. */
export class ReadOnlySourceError extends StoreError {
  override name = 'ReadOnlySourceError';
  constructor(id: string, label: string) {
    super(`session ${id} belongs to ${label}, whose files Transcripts only reads: it was not deleted`);
  }
}

/** Newest update first (nanosecond precision), ties by id; each time parsed once. */
function newestFirst(summaries: SessionSummary[]): SessionSummary[] {
  const keyed = summaries.map((s) => ({
    s,
    t: parseGoTime(s.updated_at) ?? { seconds: -Infinity, nanos: 0 },
  }));
  keyed.sort((a, b) => b.t.seconds - a.t.seconds || b.t.nanos - a.t.nanos || (a.s.id < b.s.id ? -1 : 1));
  return keyed.map((k) => k.s);
}

/** Every source that is read, as one store. */
export class Catalog {
  /** The sources, ggcode (when read) first. */
  readonly sources: readonly SessionSource[];

  constructor(sources: readonly SessionSource[]) {
    this.sources = sources;
  }

  /** A catalog of the sources `settings` name, opened with `prices`; with `cacheDir`, sources
   * keep what they read there across processes. */
  static open(
    settings: readonly SourceSetting[],
    prices: PriceTable = loadPriceTable(),
    cacheDir?: string,
  ): Catalog {
    return new Catalog(
      settings.map((s) => {
        const adapter = adapterNamed(s.name);
        if (!adapter) throw new Error(`unknown source "${s.name}"`);
        return adapter.open(s.roots, { prices, ...(cacheDir !== undefined && { cacheDir }) });
      }),
    );
  }

  /** `store` as a catalog of ggcode alone, or the catalog given. */
  static of(store: JsonlStore | Catalog): Catalog {
    return store instanceof Catalog ? store : new Catalog([new GgcodeSource(store)]);
  }

  /** The sources as settings (names and folders), to open the same catalog elsewhere. */
  settings(): SourceSetting[] {
    return this.sources.map((s) => ({ name: s.adapter.name, roots: [...s.roots] }));
  }

  /** ggcode's store, when ggcode is read. */
  store(): JsonlStore | null {
    const g = this.sources.find((s): s is GgcodeSource => s instanceof GgcodeSource);
    return g ? g.store : null;
  }

  /** The folder the app says it shows: ggcode's (where new sessions appear), else the first read. */
  dir(): string {
    return this.store()?.dir() ?? this.sources[0]?.roots[0] ?? '';
  }

  /** What the renderer is told about each source. */
  infos(): SourceInfo[] {
    return this.sources.map((s) => ({
      name: s.adapter.name,
      label: s.adapter.label,
      roots: [...s.roots],
      read_only: s.adapter.readOnly,
      ...(s.adapter.resume !== undefined && { resume: s.adapter.resume }),
    }));
  }

  /** The source session `id` belongs to: another source whose ids it has the form of, else
   * ggcode. Throws InvalidIdError for an id no session can have, SessionNotFoundError when no
   * source read has it. */
  sourceOf(id: string): SessionSource {
    assertValidId(id);
    const owner =
      this.sources.find((s) => !s.adapter.primary && s.owns(id)) ??
      this.sources.find((s) => s.adapter.primary && s.owns(id));
    if (!owner) throw new SessionNotFoundError(id);
    return owner;
  }

  /** Every session of every source, newest update first, and the entries that could not be read. */
  async listing(): Promise<SessionList> {
    const lists = await Promise.all(this.sources.map((s) => s.list()));
    if (lists.length === 1) return lists[0]!;
    return {
      sessions: newestFirst(lists.flatMap((l) => l.sessions)),
      unreadable: lists.reduce((n, l) => n + l.unreadable, 0),
    };
  }

  /** Every session, newest update first. */
  async list(): Promise<SessionSummary[]> {
    return (await this.listing()).sessions;
  }

  /** Loads a session from its source. */
  async load(id: string): Promise<Session> {
    return this.sourceOf(id).load(id);
  }

  /** The session as Markdown in ggcode's layout (for ggcode sessions, byte-identical to its export). */
  async exportMarkdown(id: string): Promise<string> {
    return (await this.markdownExport(id)).markdown;
  }

  /** The session's title and Markdown: ggcode's streamed from its file, another source's loaded. */
  async markdownExport(id: string): Promise<SessionMarkdown> {
    const source = this.sourceOf(id);
    if (source instanceof GgcodeSource) return source.store.markdownExport(id);
    const session = await source.load(id);
    return { title: session.title, markdown: exportSessionMarkdown(session) };
  }

  /** Deletes a session of a writable source (false: nothing was there); refuses another agent's. */
  async delete(id: string): Promise<boolean> {
    const source = this.sourceOf(id);
    if (source.adapter.readOnly || !source.delete) throw new ReadOnlySourceError(id, source.adapter.label);
    return source.delete(id);
  }

  /** Deletes ggcode sessions last updated before `before` (other sources are never cleaned up). */
  async cleanupOlderThan(before: Date): Promise<number> {
    return (await this.store()?.cleanupOlderThan(before)) ?? 0;
  }

  /** The files a session is read from, or null when it does not exist. */
  async files(id: string): Promise<string[] | null> {
    return this.sourceOf(id).files(id);
  }
}

/** The search index file of a catalog: ggcode's alone keeps the file it always had; any other
 * set of sources has its own, named by the sources and their folders. */
export function indexFileForCatalog(cacheDir: string, settings: readonly SourceSetting[]): string {
  const only = settings.length === 1 ? settings[0] : undefined;
  if (only?.name === ggcodeAdapter.name && only.roots.length === 1)
    return indexFileFor(cacheDir, only.roots[0]!);
  const key = JSON.stringify(settings.map((s) => [s.name, s.roots.map((r) => resolve(r))]));
  return join(cacheDir, 'search', `${sha256Hex(key, 16)}.sqlite`);
}

/** What the renderer is told about a catalog: ggcode's folder (or the first read) and whether it
 * exists, the mode, and every source when more than ggcode's folder is read. */
export async function catalogInfo(catalog: Catalog, mode: StoreInfo['mode']): Promise<StoreInfo> {
  const dir = catalog.dir();
  const exists = await stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  const info: StoreInfo = { dir, exists, mode };
  const only = catalog.sources.length === 1 ? catalog.sources[0] : undefined;
  if (!only?.adapter.primary) info.sources = catalog.infos();
  return info;
}
