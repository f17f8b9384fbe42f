// The Codex CLI source: rollouts under `sessions` and `archived_sessions` (see files.ts), read-only.
import type { Stats } from 'node:fs';
import { basename } from 'node:path';
import type { Session, SessionList, SessionSummary } from '../../../shared/types';
import { SessionNotFoundError } from '../../errors';
import { sha256Hex } from '../../lazy-crypto';
import { SummaryCache } from '../../live/summary-cache';
import { scanOnThreads } from '../../scan-threads';
import { mapLimit } from '../../pool';
import { AppendReader } from '../append-reader';
import { forEachLineOf, isUnreadable } from '../safe-read';
import type {
  FollowUpdate,
  OpenContext,
  SessionFollower,
  SessionSource,
  SourceAdapter,
  WatchTarget,
} from '../source';
import { CodexBuilder } from './builder';
import { codexRootsFor, defaultCodexRoots, findRollouts, ID_PREFIX, idOfFileName } from './files';
import { applyRollout } from './fork';
import { scanCodexFile, type CodexFileFacts } from './scan';
import { summaryOf } from './summary';
import { stored, StoredFacts, storedFactsFile } from '../stored-facts';
import { withColdListHold } from '../cold-list';

/** Bumped whenever what a file's facts hold, or how the scan computes them, changes. */
const FACTS_FORMAT = 1;

/** Names the price table the stored costs were estimated with (another table: scanned anew). */
function pricesStamp(prices: unknown): string {
  return sha256Hex(JSON.stringify(prices), 16);
}

/** Files read at once while listing. */
const CONCURRENCY = 8;

type Obj = Record<string, unknown>;

/** The adapter. */
export const adapter: SourceAdapter = {
  name: 'codex',
  label: 'Codex CLI',
  readOnly: true,
  defaults: '$CODEX_HOME, else ~/.codex',
  resume: 'codex resume {id}',
  defaultRoots: defaultCodexRoots,
  rootsFor: codexRootsFor,
  open: (roots, ctx) => new CodexSource(roots, ctx),
};

/** A rollout's lines, parsed (damaged ones recorded on `builder`), with the file's stats. */
async function readLines(path: string, builder: CodexBuilder): Promise<{ lines: Obj[]; stats: Stats }> {
  const lines: Obj[] = [];
  const stats = await forEachLineOf(path, (bytes, lineNo, terminated) => {
    const value = builder.parse(bytes, lineNo, terminated);
    if (value) lines.push(value);
  });
  return { lines, stats };
}

class CodexSource implements SessionSource {
  readonly adapter = adapter;
  private known = new Map<string, string>();
  private readonly facts = new SummaryCache<CodexFileFacts>((path) =>
    scanCodexFile(path, idOfFileName(basename(path)) ?? '', this.ctx.prices),
  );
  /** Rollouts that copy a parent are summarized from a full load (they are few). */
  private readonly copies = new SummaryCache<SessionSummary>(async (path) => {
    const id = idOfFileName(basename(path)) ?? '';
    const { session, stats } = await this.read(id, path);
    return { summary: summaryOf(session, session.messages.length, stats.size), stats };
  });
  /** The two caches as kept in the cache folder across processes. */
  private readonly stored: StoredFacts;
  /** A list was made (a later one rarely scans many files). */
  private listed = false;

  constructor(
    readonly roots: readonly string[],
    private readonly ctx: OpenContext,
  ) {
    const same = <T>(v: T) => v;
    const cacheDir = ctx.cacheDir;
    this.stored = new StoredFacts(
      cacheDir === undefined ? undefined : () => storedFactsFile(cacheDir, 'codex', roots),
      FACTS_FORMAT,
      () => pricesStamp(ctx.prices),
      {
        facts: {
          cache: this.facts,
          encode: same,
          decode: (v) =>
            stored.isObject(v) &&
            typeof v.copies === 'boolean' &&
            (v.summary === null || stored.isSummary(v.summary))
              ? (v as unknown as CodexFileFacts)
              : null,
        },
        copies: { cache: this.copies, encode: same, decode: (v) => (stored.isSummary(v) ? v : null) },
      },
    );
  }

  owns(id: string): boolean {
    return id.startsWith(ID_PREFIX);
  }

  private async locate(id: string): Promise<string | null> {
    if (!this.known.has(id)) this.known = (await findRollouts(this.roots)).found;
    return this.known.get(id) ?? null;
  }

  async list(): Promise<SessionList> {
    const first = !this.listed;
    this.listed = true;
    return withColdListHold(first, await this.stored.seed(), this.roots, () => this.listAll());
  }

  private async listAll(): Promise<SessionList> {
    const walked = await findRollouts(this.roots);
    this.known = walked.found;
    let unreadable = walked.unreadable;
    const paths = [...this.known.values()];
    const fresh = await this.scanUnseen(paths.filter((path) => !this.facts.has(path)));
    const rows = await mapLimit(paths, CONCURRENCY, async (path) => {
      try {
        const facts = fresh.has(path) ? fresh.get(path) : await this.facts.get(path, path);
        return facts?.copies ? await this.copies.get(path, path) : (facts?.summary ?? null);
      } catch (error) {
        if (!isUnreadable(error)) throw error;
        unreadable++;
        return null;
      }
    });
    const present = new Set(paths);
    this.facts.retain(present);
    this.copies.retain(present);
    await this.stored.store();
    return { sessions: rows.filter((r): r is SessionSummary => r !== null && r.msg_count > 0), unreadable };
  }

  /** The facts of rollouts never seen before, found on the scan threads when there are many (a
   * cold list) and put in the cache; those a thread could not read are left to the usual path. */
  private async scanUnseen(unseen: string[]): Promise<Map<string, CodexFileFacts>> {
    const fresh = new Map<string, CodexFileFacts>();
    const jobs = unseen.map((path) => ({
      kind: 'codex' as const,
      path,
      id: idOfFileName(basename(path)) ?? '',
    }));
    // Each answer is taken as it comes, while the threads scan on.
    await scanOnThreads(jobs, this.ctx.prices, (o, i) => {
      if (o.kind !== 'codex') return;
      this.facts.set(unseen[i]!, o.key, o.facts);
      fresh.set(unseen[i]!, o.facts);
    });
    return fresh;
  }

  /** The parsed lines of the rollout with uuid `uuid`, for a fork's comparison. */
  private parentLines = async (uuid: string): Promise<Obj[] | null> => {
    const path = await this.locate(ID_PREFIX + uuid.toLowerCase());
    if (!path) return null;
    try {
      return (await readLines(path, new CodexBuilder('parent'))).lines;
    } catch (error) {
      if (isUnreadable(error)) return null;
      throw error;
    }
  };

  private async read(
    id: string,
    path: string,
  ): Promise<{ session: Session; builder: CodexBuilder; stats: Stats }> {
    const builder = new CodexBuilder(id);
    const { lines, stats } = await readLines(path, builder);
    await applyRollout(builder, lines, this.parentLines);
    const session = builder.snapshot(stats.mtimeMs, this.ctx.prices);
    session.messages = builder.main.messages;
    return { session, builder, stats };
  }

  async load(id: string): Promise<Session> {
    const path = await this.locate(id);
    if (!path) throw new SessionNotFoundError(id);
    let session: Session;
    try {
      ({ session } = await this.read(id, path));
    } catch (error) {
      if (isUnreadable(error)) throw new SessionNotFoundError(id);
      throw error;
    }
    return session;
  }

  async files(id: string): Promise<string[] | null> {
    const path = await this.locate(id);
    return path ? [path] : null;
  }

  follow(id: string): SessionFollower {
    return new CodexFollower(id, this.locate.bind(this), this.parentLines, this.ctx);
  }

  watchTargets(): WatchTarget[] {
    return this.roots.map((dir) => ({ dir, recursive: true }));
  }

  sessionOfPath(path: string): string | null {
    return this.roots.some((root) => path.startsWith(root)) ? idOfFileName(basename(path)) : null;
  }
}

/** Follows one rollout: the first read applies the whole file (leaving out a copied history),
 * later reads the lines appended since. */
class CodexFollower implements SessionFollower {
  private reader: AppendReader | null = null;
  private builder: CodexBuilder;
  private first = true;
  private count = 0;

  constructor(
    private readonly id: string,
    private readonly locate: (id: string) => Promise<string | null>,
    private readonly parentLines: (uuid: string) => Promise<Obj[] | null>,
    private readonly ctx: OpenContext,
  ) {
    this.builder = new CodexBuilder(id);
  }

  async read(): Promise<FollowUpdate> {
    const path = await this.locate(this.id);
    if (!path) throw Object.assign(new Error(`session ${this.id} not found`), { code: 'ENOENT' });
    this.reader ??= new AppendReader(path);
    const batch: Obj[] = [];
    const { reset, stats } = await this.reader.read(
      (bytes, lineNo, terminated) => {
        const value = this.builder.parse(bytes, lineNo, terminated);
        if (value) batch.push(value);
      },
      () => {
        this.builder = new CodexBuilder(this.id);
        this.first = true;
      },
    );
    if (this.first) await applyRollout(this.builder, batch, this.parentLines);
    else for (const value of batch) this.builder.apply(value);
    this.first = false;
    const session = this.builder.snapshot(stats.mtimeMs, this.ctx.prices);
    const messages = this.builder.main.messages;
    const dirty = this.builder.main.takeDirty();
    const from = reset ? 0 : Math.min(dirty, this.count, messages.length);
    this.count = messages.length;
    return { reset, from, messages: messages.slice(from), session, count: messages.length };
  }
}
