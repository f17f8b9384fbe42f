// The Claude Code source: sessions under `projects` folders (see files.ts), read-only.
import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import type { Session, SessionList, SessionSummary } from '../../../shared/types';
import { SessionNotFoundError } from '../../errors';
import { SummaryCache } from '../../live/summary-cache';
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
import { ClaudeBuilder, type AgentThread } from './builder';
import { decodeFacts, encodeFacts, receiveFacts } from './facts';
import { claudeRow } from './row';
import {
  agentIdOfPath,
  claudeRootsFor,
  defaultClaudeRoots,
  ID_PREFIX,
  idOfFileName,
  readProject,
  readRoots,
  subagentFiles,
  type ClaudeProject,
  type ClaudeSessionFiles,
} from './files';
import { scanOnThreads } from '../../scan-threads';
import { scanClaudeFile, type ClaudeFileFacts } from './scan';
import { StoredFacts, storedFactsFile, type StoredCache } from '../stored-facts';
import { withColdListHold } from '../cold-list';

/** Bumped whenever what a file's facts hold, or how the scan computes them, changes. */
const FACTS_FORMAT = 2;

function factsCache(cache: SummaryCache<ClaudeFileFacts>): StoredCache<ClaudeFileFacts> {
  return { cache, encode: encodeFacts, decode: decodeFacts };
}

/** The adapter. */
export const adapter: SourceAdapter = {
  name: 'claude',
  label: 'Claude Code',
  readOnly: true,
  defaults: '$CLAUDE_CONFIG_DIR, else ~/.claude and ~/.config/claude',
  resume: 'claude --resume {id}',
  defaultRoots: defaultClaudeRoots,
  rootsFor: claudeRootsFor,
  open: (roots, ctx) => new ClaudeSource(roots, ctx),
};

const CONCURRENCY = 8;

async function mapLimit<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
  return out;
}

/** A session's facts as a scan thread found them: its own file's, its subagent files' by path. */
interface Fresh {
  main: ClaudeFileFacts;
  agents: Map<string, ClaudeFileFacts>;
  /** Its row, when the thread could make it (no old-style agent file of the session). */
  row?: SessionSummary | null;
}

/** A session to list: its files, and the old-style agent files that name it. */
interface SessionJob {
  files: ClaudeSessionFiles;
  legacy: string[];
}

/** Everything a session is read from: its file, its subagents' files (by agent id). */
interface Located {
  files: ClaudeSessionFiles;
  agents: Map<string, string>;
}

class ClaudeSource implements SessionSource {
  readonly adapter = adapter;
  /** Where each session was found by the last look. */
  private known = new Map<string, ClaudeSessionFiles>();
  /** Old-style agent files of each project folder, by the session they name. */
  private legacy = new Map<string, Map<string, string[]>>();
  /** The agent files the list in progress read (the others' facts are dropped after it). */
  private agentPaths = new Set<string>();
  private readonly mainFacts = new SummaryCache<ClaudeFileFacts>((path) => scanClaudeFile(path));
  private readonly agentFacts = new SummaryCache<ClaudeFileFacts>((path) => scanClaudeFile(path, true));
  /** The two caches as kept in the cache folder across processes. */
  private readonly stored: StoredFacts;
  /** A list was made (a later one rarely scans many files). */
  private listed = false;

  constructor(
    readonly roots: readonly string[],
    private readonly ctx: OpenContext,
  ) {
    const cacheDir = ctx.cacheDir;
    this.stored = new StoredFacts(
      cacheDir === undefined ? undefined : () => storedFactsFile(cacheDir, 'claude', roots),
      FACTS_FORMAT,
      '',
      { main: factsCache(this.mainFacts), agents: factsCache(this.agentFacts) },
    );
  }

  owns(id: string): boolean {
    return id.startsWith(ID_PREFIX);
  }

  private async scanProjects(): Promise<ClaudeProject[]> {
    const projects = await readRoots(this.roots);
    this.known = new Map(projects.flatMap((p) => p.sessions.map((s) => [s.id, s] as const)));
    return projects;
  }

  // Old-style agent files name their session in their lines; read once per change.
  private async legacyAgents(project: ClaudeProject): Promise<Map<string, string[]>> {
    const bySession = new Map<string, string[]>();
    for (const path of project.agentFiles) {
      this.agentPaths.add(path);
      const facts = await this.agentFacts.get(path, path).catch(() => null);
      if (!facts?.sessionId) continue;
      const id = ID_PREFIX + facts.sessionId;
      bySession.set(id, [...(bySession.get(id) ?? []), path]);
    }
    this.legacy.set(project.dir, bySession);
    return bySession;
  }

  private async locate(id: string): Promise<Located | null> {
    let files = this.known.get(id);
    if (!files) {
      await this.scanProjects();
      files = this.known.get(id);
      if (!files) return null;
    }
    const agents = await subagentFiles(files.folder);
    const legacy =
      this.legacy.get(files.project) ?? (await this.legacyAgents(await readProject(files.project)));
    for (const path of legacy.get(id) ?? []) {
      const agentId = agentIdOfPath(path);
      if (!agents.has(agentId)) agents.set(agentId, path);
    }
    return { files, agents };
  }

  async list(): Promise<SessionList> {
    const first = !this.listed;
    this.listed = true;
    return withColdListHold(first, await this.stored.seed(), this.roots, () => this.listAll());
  }

  private async listAll(): Promise<SessionList> {
    const projects = await this.scanProjects();
    let unreadable = 0;
    const jobs: SessionJob[] = [];
    for (const project of projects) {
      unreadable += project.unreadable;
      const legacy = project.agentFiles.length
        ? await this.legacyAgents(project)
        : new Map<string, string[]>();
      for (const files of project.sessions) jobs.push({ files, legacy: legacy.get(files.id) ?? [] });
    }
    const fresh = await this.scanUnseen(jobs.filter((j) => !this.mainFacts.has(j.files.path)));
    // Every project's sessions in one stream, so that reads stay in flight across folders.
    const rows = await mapLimit(jobs, async ({ files, legacy }) => {
      try {
        return await this.summarize(files, legacy, fresh.get(files.path));
      } catch (error) {
        if (!isUnreadable(error)) throw error;
        unreadable++;
        return null;
      }
    });
    const sessions = rows.filter((r): r is SessionSummary => r !== null);
    this.mainFacts.retain(new Set([...this.known.values()].map((s) => s.path)));
    this.agentFacts.retain(this.agentPaths);
    this.agentPaths = new Set();
    await this.stored.store();
    return { sessions, unreadable };
  }

  /** The facts of sessions never seen before, found on the scan threads when there are many (a
   * cold list) and put in the caches; those a thread could not read are left to the usual path. */
  private async scanUnseen(unseen: SessionJob[]): Promise<Map<string, Fresh>> {
    const fresh = new Map<string, Fresh>();
    const jobs = unseen.map(({ files, legacy }) => ({
      kind: 'claude' as const,
      path: files.path,
      folder: files.folder,
      ...(legacy.length === 0 && { id: files.id }),
    }));
    // Each answer is taken as it comes, while the threads scan on.
    await scanOnThreads(jobs, this.ctx.prices, (o, i) => {
      if (o.kind !== 'claude') return;
      const main = receiveFacts(o.main.facts);
      this.mainFacts.set(o.main.path, o.main.key, main);
      const agents = new Map<string, ClaudeFileFacts>();
      for (const a of o.agents) {
        agents.set(a.path, receiveFacts(a.facts));
        this.agentFacts.set(a.path, a.key, agents.get(a.path)!);
      }
      fresh.set(unseen[i]!.files.path, { main, agents, ...(o.row !== undefined && { row: o.row }) });
    });
    return fresh;
  }

  /** A session's row from its facts (`fresh`: as a scan thread just found them, its subagent files
   * included; else from the caches, each file checked). */
  private async summarize(
    files: ClaudeSessionFiles,
    legacy: string[],
    fresh?: Fresh,
  ): Promise<SessionSummary | null> {
    if (fresh?.row !== undefined) {
      for (const path of fresh.agents.keys()) this.agentPaths.add(path);
      return fresh.row;
    }
    const main = fresh ? fresh.main : await this.mainFacts.get(files.path, files.path);
    if (!main || main.count === 0) return null;
    const agents: ClaudeFileFacts[] = [];
    const agentFiles = fresh ? fresh.agents.keys() : (await subagentFiles(files.folder)).values();
    for (const path of [...agentFiles, ...legacy]) {
      this.agentPaths.add(path);
      const facts = fresh?.agents.get(path) ?? (await this.agentFacts.get(path, path).catch(() => null));
      if (facts) agents.push(facts);
    }
    return claudeRow(files.id, main, agents, this.ctx.prices);
  }

  // Each subagent file read whole into its own thread.
  private async readAgents(agents: Map<string, string>): Promise<Map<string, AgentThread>> {
    const threads = new Map<string, AgentThread>();
    for (const [agentId, path] of agents) {
      const sub = new ClaudeBuilder(agentId, true);
      try {
        await forEachLineOf(path, (bytes, lineNo, terminated) => sub.line(bytes, lineNo, terminated));
      } catch (error) {
        if (isUnreadable(error)) continue;
        throw error;
      }
      threads.set(agentId, { agentId, thread: sub.main, usage: sub.usage });
    }
    return threads;
  }

  async load(id: string): Promise<Session> {
    const found = await this.locate(id);
    if (!found) throw new SessionNotFoundError(id);
    const builder = new ClaudeBuilder(id);
    let stats: Stats;
    try {
      stats = await forEachLineOf(found.files.path, (bytes, lineNo, terminated) =>
        builder.line(bytes, lineNo, terminated),
      );
    } catch (error) {
      if (isUnreadable(error)) throw new SessionNotFoundError(id);
      throw error;
    }
    builder.setAgentFiles(await this.readAgents(found.agents));
    const session = builder.snapshot(stats.mtimeMs, this.ctx.prices);
    session.messages = builder.main.messages;
    return session;
  }

  async files(id: string): Promise<string[] | null> {
    const found = await this.locate(id);
    return found ? [found.files.path, ...found.agents.values()] : null;
  }

  follow(id: string): SessionFollower {
    return new ClaudeFollower(this, id);
  }

  /** For the follower: where the session is, and its subagents read afresh. */
  async parts(id: string): Promise<Located | null> {
    return this.locate(id);
  }

  /** For the follower. */
  agentThreads(agents: Map<string, string>): Promise<Map<string, AgentThread>> {
    return this.readAgents(agents);
  }

  /** For the follower. */
  prices() {
    return this.ctx.prices;
  }

  watchTargets(): WatchTarget[] {
    return this.roots.map((dir) => ({ dir, recursive: true }));
  }

  sessionOfPath(path: string): string | null {
    for (const root of this.roots) {
      const rel = relative(root, path);
      if (rel.startsWith('..') || rel === '') continue;
      const parts = rel.split(sep);
      if (parts.length === 2) return idOfFileName(parts[1]!);
      if (parts.length >= 3) return idOfFileName(`${parts[1]}.jsonl`);
    }
    return null;
  }
}

/** Follows one Claude Code session: appended lines are applied to the session read so far;
 * subagent files are re-read when they change. */
class ClaudeFollower implements SessionFollower {
  private reader: AppendReader | null = null;
  private builder: ClaudeBuilder;
  private agentKeys = '';
  private count = 0;

  constructor(
    private readonly source: ClaudeSource,
    private readonly id: string,
  ) {
    this.builder = new ClaudeBuilder(id);
  }

  async read(): Promise<FollowUpdate> {
    const found = await this.source.parts(this.id);
    if (!found) throw Object.assign(new Error(`session ${this.id} not found`), { code: 'ENOENT' });
    this.reader ??= new AppendReader(found.files.path);
    const { reset, stats } = await this.reader.read(
      (bytes, lineNo, terminated) => this.builder.line(bytes, lineNo, terminated),
      () => {
        this.builder = new ClaudeBuilder(this.id);
        this.agentKeys = '';
      },
    );
    const keys = await Promise.all(
      [...found.agents].map(async ([agentId, path]) => {
        const st = await stat(path).catch(() => null);
        return `${agentId}:${st?.size}:${st?.mtimeMs}`;
      }),
    );
    if (keys.join('|') !== this.agentKeys) {
      this.agentKeys = keys.join('|');
      this.builder.setAgentFiles(await this.source.agentThreads(found.agents));
    }
    const session = this.builder.snapshot(stats.mtimeMs, this.source.prices());
    const messages = this.builder.main.messages;
    const dirty = this.builder.main.takeDirty();
    const from = reset ? 0 : Math.min(dirty, this.count, messages.length);
    this.count = messages.length;
    return { reset, from, messages: messages.slice(from), session, count: messages.length };
  }
}
