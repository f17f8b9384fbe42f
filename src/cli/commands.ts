// The `sessions` commands over one store. Each writes through `io` and returns an exit code.
import { resolve } from 'node:path';
import type { RedactionFinding } from '../shared/export-format';
import { writeFileAtomic } from '../core/atomic';
import { goTimeToMillis } from '../core/gotime';
import type { JsonlStore } from '../core/store';
import { livePidOf } from '../core/lock';
import { unreadableNote } from '../shared/unreadable';
import { UsageError, type Command } from './args';
import { parseDuration } from './duration';
import { withFreshIndex } from './fresh-index';
import { searchFooter } from './search-footer';
import { usageCommand } from './usage-command';
import { columns, oneLine, relativeTime } from './format';
import { sessionJson } from '../core/export/session-json';
import { terminalSafeJson } from './terminal-safe';

/** Where a command writes: stdout text and stderr lines. */
export interface Io {
  out: (text: string) => void;
  err: (line: string) => void;
}

const TITLE_WIDTH = 70;

async function list(store: JsonlStore, cmd: Command, io: Io): Promise<void> {
  const { sessions, unreadable } = await store.listing();
  // On stderr, so that `list --json` stays the list and a pipe still sees the note.
  const note = unreadableNote(unreadable);
  if (note) io.err(`sessions: ${note} in ${store.dir()}`);
  if (cmd.json) {
    const rows = sessions.map(
      ({ id, title, created_at, updated_at, msg_count, vendor, endpoint, model }) => ({
        id,
        title,
        created_at,
        updated_at,
        msg_count,
        vendor,
        endpoint,
        model,
      }),
    );
    io.out(terminalSafeJson(JSON.stringify(rows, null, 2)) + '\n');
    return;
  }
  if (sessions.length === 0) {
    io.err(`no sessions in ${store.dir()}`);
    return;
  }
  const rows = sessions.map((s) => [
    relativeTime(s.updated_at),
    String(s.msg_count),
    oneLine(s.model || '-', 24),
    s.id,
    oneLine(s.title || '(untitled)', TITLE_WIDTH),
  ]);
  io.out(columns([['UPDATED', 'MSGS', 'MODEL', 'ID', 'TITLE'], ...rows]) + '\n');
}

async function show(store: JsonlStore, cmd: Command, io: Io): Promise<void> {
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
async function exportCommand(store: JsonlStore, cmd: Command, io: Io): Promise<void> {
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

// Brings the index (in the cache folder) up to date, then queries it; --page counts from 1.
async function search(store: JsonlStore, cmd: Command, io: Io, env: NodeJS.ProcessEnv): Promise<void> {
  await withFreshIndex(store, env, io, async (service) => {
    const results = await service.search({
      query: cmd.positional[0]!,
      page: (cmd.page ?? 1) - 1,
      pageSize: cmd.limit ?? 20,
    });
    if (cmd.json) return io.out(terminalSafeJson(JSON.stringify(results, null, 2)) + '\n');
    if (results.groups.length === 0)
      return io.err(
        results.page > 0 && (results.capped || results.total_sessions) ? 'no more matches' : 'no matches',
      );
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
  });
}

async function deleteCommand(store: JsonlStore, cmd: Command, io: Io): Promise<void> {
  const id = cmd.positional[0]!;
  await store.load(id); // a clear "not found" rather than a silent no-op
  await store.delete(id);
  io.err(`deleted ${id}`);
}

async function cleanup(store: JsonlStore, cmd: Command, io: Io): Promise<void> {
  if (cmd.olderThan === undefined) throw new UsageError('cleanup needs --older-than DURATION (e.g. 30d)');
  const ms = parseDuration(cmd.olderThan);
  if (ms === null)
    throw new UsageError(`--older-than: "${cmd.olderThan}" is not a duration like 30d, 12h or 2w`);
  const cutoff = new Date(Date.now() - ms);
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
  store: JsonlStore,
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
    delete: deleteCommand,
    cleanup,
  };
  const run = commands[cmd.name as keyof typeof commands];
  await run(store, cmd, io, env);
}
