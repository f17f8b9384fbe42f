// The `sessions` commands over the sources read (a catalog). Each writes through `io` and returns an exit code.
import { join, resolve } from 'node:path';
import type { RedactionFinding } from '../shared/export-options';
import { writeFileAtomic } from '../core/atomic';
import { goTimeToMillis } from '../core/gotime';
import { defaultCacheDir } from '../core/search/cache-dir';
import { indexFileForCatalog, type Catalog } from '../core/sources/catalog';
import { livePidOf } from '../core/lock';
import { AnnotationStore } from '../core/app-data/annotation-store';
import { defaultDataDir } from '../core/app-data/data-dir';
import type { Annotation, Annotations } from '../shared/types';
import { unreadableNote } from '../shared/unreadable';
import { UsageError, type Command } from './args';
import { parseDuration } from './duration';
import { partialNote, searchFooter } from './search-footer';
import { usageCommand } from './usage-command';
import { noResumeReason, resumeCommand } from '../shared/resume';
import { columns, oneLine, relativeTime } from './format';
import { sessionJson } from '../core/export/session-json';
import { terminalSafeJson } from './terminal-safe';

/** Where a command writes: stdout text and stderr lines. */
export interface Io {
  out: (text: string) => void;
  err: (line: string) => void;
}

const TITLE_WIDTH = 70;

/** How long `search` lets an index build run before answering over what it holds so far
 * (TRANSCRIPTS_SEARCH_WAIT_MS overrides it). */
const FIRST_RESULTS_MS = 3000;

/** The app's annotations; a list that does not filter by them survives a damaged file (said on
 * stderr), one that does fails with the file's one-line error. */
async function annotationsFor(cmd: Command, io: Io, env: NodeJS.ProcessEnv): Promise<Annotations> {
  try {
    return await new AnnotationStore(defaultDataDir(env)).all();
  } catch (error) {
    if (cmd.starred || cmd.tags.length > 0) throw error;
    io.err(`sessions: stars and tags not shown: ${(error as Error).message}`);
    return {};
  }
}

/** True when `a` has every filter of `cmd`: starred if asked, and each tag (case-insensitively). */
function kept(cmd: Command, a: Annotation | undefined): boolean {
  if (cmd.starred && a?.starred !== true) return false;
  const tags = new Set((a?.tags ?? []).map((t) => t.toLowerCase()));
  return cmd.tags.every((t) => tags.has(t.toLowerCase()));
}

/** The folders a catalog reads, for "no sessions in ...". */
const foldersOf = (store: Catalog): string => store.sources.flatMap((s) => s.roots).join(', ');

async function list(store: Catalog, cmd: Command, io: Io, env: NodeJS.ProcessEnv): Promise<void> {
  const several = store.sources.length > 1;
  const [{ sessions: all, unreadable }, annotations] = await Promise.all([
    store.listing(),
    annotationsFor(cmd, io, env),
  ]);
  // On stderr, so that `list --json` stays the list and a pipe still sees the note.
  const note = unreadableNote(unreadable);
  if (note) io.err(`sessions: ${note} in ${foldersOf(store)}`);
  const sessions = all.filter((s) => kept(cmd, annotations[s.id]));
  if (cmd.json) {
    // What the app adds (star, tags, name, note) comes after the stored fields, only when set.
    const rows = sessions.map(
      ({
        id,
        title,
        created_at,
        updated_at,
        msg_count,
        vendor,
        endpoint,
        model,
        source,
        workspace,
        git_branch,
      }) => ({
        id,
        title,
        created_at,
        updated_at,
        msg_count,
        vendor,
        endpoint,
        model,
        source: source ?? 'ggcode',
        ...(workspace !== undefined && { workspace }),
        ...(git_branch !== undefined && { git_branch }),
        ...annotations[id],
      }),
    );
    io.out(terminalSafeJson(JSON.stringify(rows, null, 2)) + '\n');
    return;
  }
  if (sessions.length === 0) {
    const filtered = cmd.starred || cmd.tags.length > 0;
    io.err(
      filtered
        ? `no sessions in ${foldersOf(store)} are ${filterWords(cmd)}`
        : `no sessions in ${foldersOf(store)}`,
    );
    return;
  }
  // A display name given in the app stands for the title; a star marks the row. The source column
  // when more than one is read (ggcode alone prints as it always did).
  const rows = sessions.map((s) => {
    const a = annotations[s.id];
    return [
      relativeTime(s.updated_at),
      ...(several ? [s.source ?? 'ggcode'] : []),
      String(s.msg_count),
      oneLine(s.model || '-', 24),
      s.id,
      (a?.starred ? '★ ' : '') + oneLine(a?.name ?? (s.title || '(untitled)'), TITLE_WIDTH),
    ];
  });
  const head = ['UPDATED', ...(several ? ['SOURCE'] : []), 'MSGS', 'MODEL', 'ID', 'TITLE'];
  io.out(columns([head, ...rows]) + '\n');
}

function filterWords(cmd: Command): string {
  const parts = [...(cmd.starred ? ['starred'] : []), ...cmd.tags.map((t) => `tagged "${t}"`)];
  return parts.join(' and ');
}

async function show(store: Catalog, cmd: Command, io: Io): Promise<void> {
  const id = cmd.positional[0]!;
  if (cmd.json) {
    io.out(terminalSafeJson(sessionJson(await store.load(id))) + '\n');
    return;
  }
  const session = await store.load(id);
  io.out(await store.exportMarkdown(id));
  if (session.skipped_lines > 0)
    io.err(`note: ${session.skipped_lines} damaged line(s) in the file were skipped`);
}

// Plain Markdown streams from the store (a 100 MB session is never held whole); the other formats
// and redaction load it. --dry-run lists what redaction would replace and writes nothing.
async function exportCommand(store: Catalog, cmd: Command, io: Io): Promise<void> {
  const id = cmd.positional[0]!;
  let text: string;
  if (cmd.format === 'md' && cmd.redact === null) text = await store.exportMarkdown(id);
  else {
    // Loaded here, not at start: the exporters and secretlint's rules would slow every command.
    const { exportSession } = await import('../core/export/export-session');
    const file = await exportSession(store, id, { format: cmd.format, redact: cmd.redact });
    if (cmd.dryRun) return listFindings(file.findings, io);
    text = file.text;
    if (cmd.redact) io.err(`redacted ${file.findings.length} item(s)`);
  }
  if (cmd.output === undefined || cmd.output === '-') return io.out(text);
  await writeFileAtomic(resolve(cmd.output), text, 0o644);
  io.err(`wrote ${resolve(cmd.output)}`);
}

function listFindings(findings: RedactionFinding[], io: Io): void {
  const rows = findings.map((f) => [f.kind, f.where, oneLine(f.preview, 40)]);
  if (rows.length) io.out(columns([['KIND', 'WHERE', 'PREVIEW'], ...rows]) + '\n');
  io.err(`dry run: ${findings.length} item(s) would be replaced by [REDACTED:kind]`);
}

// Brings the index (in the cache folder) up to date, then queries it; --page counts from 1. A
// long build (the first) is stopped after a few seconds, unless --wait: the answer covers what
// it has indexed so far, newest sessions first, and the next search carries on from there.
async function search(store: Catalog, cmd: Command, io: Io, env: NodeJS.ProcessEnv): Promise<void> {
  // Loaded here, not at start: SQLite's WebAssembly build would slow every other command's start.
  const { SearchService } = await import('../core/search/service');
  const service = new SearchService(
    store,
    indexFileForCatalog(env.TRANSCRIPTS_CACHE_DIR || defaultCacheDir(env), store.settings()),
    // The reader thread bundled beside the CLI (scripts/build-cli.mjs): both cores build.
    { readerFile: join(__dirname, 'search-reader.cjs') },
  );
  try {
    let shown = -1;
    service.onProgress(({ done, total }) => {
      const percent = total ? Math.floor((done / total) * 100) : 100;
      if (total > 200 && percent >= shown + 10)
        io.err(`indexing ${done}/${total} sessions (${(shown = percent)}%)`);
    });
    const built = service.refresh();
    let timer: NodeJS.Timeout | undefined;
    const waitMs = Number(env.TRANSCRIPTS_SEARCH_WAIT_MS || FIRST_RESULTS_MS);
    const deadline = new Promise<void>((done) => (timer = setTimeout(done, waitMs)));
    await (cmd.wait ? built : Promise.race([built, deadline]));
    clearTimeout(timer);
    const progress = service.progress();
    if (progress.state === 'error') throw new Error(`search index: ${progress.error}`);
    const results = await service.search({
      query: cmd.positional[0]!,
      page: (cmd.page ?? 1) - 1,
      pageSize: cmd.limit ?? 20,
    });
    if (cmd.json) return io.out(terminalSafeJson(JSON.stringify(results, null, 2)) + '\n');
    if (results.groups.length === 0) {
      io.err(
        results.page > 0 && (results.capped || results.total_sessions) ? 'no more matches' : 'no matches',
      );
      if (results.partial) io.err(partialNote(results));
      return;
    }
    const rows: string[][] = [];
    for (const g of results.groups) {
      rows.push([
        g.id,
        `${g.hit_count} match${g.hit_count === 1 ? '' : 'es'}`,
        oneLine(g.title || '(untitled)', TITLE_WIDTH),
      ]);
      for (const m of g.matches)
        rows.push(['', m.message < 0 ? 'title' : `#${m.message + 1} ${m.field}`, oneLine(m.snippet, 100)]);
    }
    io.out(columns(rows) + '\n');
    io.err(searchFooter(results));
  } finally {
    await service.close();
  }
}

// Prints the command (for a shell or a copy); an agent without one is an error.
async function resume(store: Catalog, cmd: Command, io: Io): Promise<void> {
  const id = cmd.positional[0]!;
  const summary = (await store.list()).find((s) => s.id === id);
  if (!summary) await store.load(id); // the store's own "not found" (or invalid id) line
  const command = summary ? resumeCommand(summary, store.infos()) : null;
  if (command === null) throw new Error(noResumeReason(summary?.source));
  io.out(command + '\n');
}

async function deleteCommand(store: Catalog, cmd: Command, io: Io): Promise<void> {
  const id = cmd.positional[0]!;
  await store.load(id); // a clear "not found" rather than a silent no-op
  await store.delete(id);
  io.err(`deleted ${id}`);
}

async function cleanup(catalog: Catalog, cmd: Command, io: Io): Promise<void> {
  if (cmd.olderThan === undefined) throw new UsageError('cleanup needs --older-than DURATION (e.g. 30d)');
  const ms = parseDuration(cmd.olderThan);
  if (ms === null)
    throw new UsageError(`--older-than: "${cmd.olderThan}" is not a duration like 30d, 12h or 2w`);
  const cutoff = new Date(Date.now() - ms);
  // Only ggcode's sessions are ever cleaned up: other agents' files are read-only.
  const store = catalog.store();
  if (store === null)
    throw new Error('cleanup deletes ggcode sessions, and ggcode is not read (see --source)');
  if (!cmd.dryRun) {
    const removed = await store.cleanupOlderThan(cutoff);
    io.err(`deleted ${removed} session(s) not updated since ${cutoff.toISOString()}`);
    return;
  }
  const old = (await store.list()).filter((s) => goTimeToMillis(s.updated_at) < cutoff.getTime());
  const rows: string[][] = [];
  for (const s of old) {
    const pid = await livePidOf(store.dir(), s.id);
    rows.push([
      s.id,
      relativeTime(s.updated_at),
      pid === null ? 'would delete' : `in use (pid ${pid})`,
      oneLine(s.title, TITLE_WIDTH),
    ]);
  }
  if (rows.length) io.out(columns(rows) + '\n');
  io.err(`dry run: ${rows.filter((r) => r[2] === 'would delete').length} session(s) would be deleted`);
}

/** Runs `cmd` (not help or serve, which need no store or run forever). */
export async function runCommand(
  store: Catalog,
  cmd: Command,
  io: Io,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const commands = {
    list,
    show,
    export: exportCommand,
    search,
    usage: usageCommand,
    resume,
    delete: deleteCommand,
    cleanup,
  };
  const run = commands[cmd.name as keyof typeof commands];
  await run(store, cmd, io, env);
}
