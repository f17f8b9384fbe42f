// What the scan threads (src/core/scan-threads.ts) do for other agents' sources: a Claude Code
// session's file with its subagents' files (their folder read there too), or a Codex rollout.
// The answers are plain data (posted between threads), each file's cache key beside them.
import type { Stats } from 'node:fs';
import { keyOf } from '../live/summary-cache';
import type { PriceTable } from './pricing/pricing';
import { subagentFiles, subagentFilesSync } from './claude/files';
import { postFacts, type PostedClaudeFacts } from './claude/facts';
import { scanClaudeFile, scanClaudeFileBlocking, type ClaudeFileFacts } from './claude/scan';
import { scanCodexFile, scanCodexFileBlocking, type CodexFileFacts } from './codex/scan';

/** One session of another source to summarize: a Claude Code session (its file, and the folder
 * its subagents' files may be in) or a Codex rollout (`id`: the session's). */
export type SourceJob =
  { kind: 'claude'; path: string; folder: string | null } | { kind: 'codex'; path: string; id: string };

/** A Claude Code file's facts at the file state `key`. */
export interface PostedFacts {
  path: string;
  key: string;
  facts: PostedClaudeFacts;
}

/** A job's answer: the session file's facts; for Claude Code, its subagent files' too, in the
 * order their folder lists them (those that could not be read left out, as a list skips them). */
export type SourceOutcome =
  | { kind: 'claude'; main: PostedFacts; agents: PostedFacts[] }
  | { kind: 'codex'; key: string; facts: CodexFileFacts };

type ClaudeScan = (path: string, asSubagent?: boolean) => Promise<{ summary: ClaudeFileFacts; stats: Stats }>;

const posted = (path: string, { summary, stats }: { summary: ClaudeFileFacts; stats: Stats }) => ({
  path,
  key: keyOf(stats),
  facts: postFacts(summary),
});

/** Summarizes `job` (a Codex rollout's cost estimated with `prices`), with blocking reads on a scan thread (`blocking`), else as the calling
 * thread reads; a session file that cannot be read throws. */
export async function sourceOutcome(
  job: SourceJob,
  prices: PriceTable | undefined,
  blocking: boolean,
): Promise<SourceOutcome> {
  if (job.kind === 'codex') {
    if (prices === undefined) throw new Error('a Codex rollout was sent to scan without prices');
    const scan = blocking ? scanCodexFileBlocking : scanCodexFile;
    const { summary, stats } = await scan(job.path, job.id, prices);
    return { kind: 'codex', key: keyOf(stats), facts: summary };
  }
  const scan: ClaudeScan = blocking ? scanClaudeFileBlocking : scanClaudeFile;
  const main = posted(job.path, await scan(job.path));
  const agents: PostedFacts[] = [];
  const files = blocking ? subagentFilesSync(job.folder) : await subagentFiles(job.folder);
  for (const path of files.values()) {
    const scanned = await scan(path, true).catch(() => null);
    if (scanned) agents.push(posted(path, scanned));
  }
  return { kind: 'claude', main, agents };
}
