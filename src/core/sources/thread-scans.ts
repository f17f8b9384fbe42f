// What the scan threads (src/core/scan-threads.ts) do for other agents' sources: a Claude Code
// session's file with its subagents' files (their folder read there too), or a Codex rollout.
// The answers are plain data (posted between threads), each file's cache key beside them.
import type { Stats } from 'node:fs';
import type { SessionSummary } from '../../shared/types';
import { keyOf } from '../live/summary-cache';
import type { PriceTable } from './pricing/pricing';
import { subagentFiles, subagentFilesSync } from './claude/files';
import { postFacts, type PostedClaudeFacts } from './claude/facts';
import { claudeRow } from './claude/row';
import { scanClaudeFile, scanClaudeFileBlocking, type ClaudeFileFacts } from './claude/scan';
import { scanCodexFile, scanCodexFileBlocking, type CodexFileFacts } from './codex/scan';

/** One session of another source to summarize: a Claude Code session (its file, and the folder
 * its subagents' files may be in; with `id`, the session's, its row is made there too: a session
 * no old-style agent file names needs no other file) or a Codex rollout (`id`: the session's). */
export type SourceJob =
  | { kind: 'claude'; path: string; folder: string | null; id?: string }
  | { kind: 'codex'; path: string; id: string };

/** A Claude Code file's facts at the file state `key`. */
export interface PostedFacts {
  path: string;
  key: string;
  facts: PostedClaudeFacts;
}

/** A job's answer: the session file's facts; for Claude Code, its subagent files' too, in the
 * order their folder lists them (those that could not be read left out, as a list skips them). */
export type SourceOutcome =
  | { kind: 'claude'; main: PostedFacts; agents: PostedFacts[]; row?: SessionSummary | null }
  | { kind: 'codex'; key: string; facts: CodexFileFacts };

type ScannedClaude = { summary: ClaudeFileFacts; stats: Stats };
type ClaudeScan = (path: string, asSubagent?: boolean) => Promise<ScannedClaude>;

const posted = (path: string, { summary, stats }: ScannedClaude): PostedFacts => ({
  path,
  key: keyOf(stats),
  facts: postFacts(summary),
});

/** Summarizes `job` (costs estimated with `prices`), with blocking reads on a scan thread (`blocking`), else as the calling
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
  const main = await scan(job.path);
  const agents: { path: string; scanned: ScannedClaude }[] = [];
  const files = blocking ? subagentFilesSync(job.folder) : await subagentFiles(job.folder);
  for (const path of files.values()) {
    const scanned = await scan(path, true).catch(() => null);
    if (scanned) agents.push({ path, scanned });
  }
  const outcome: SourceOutcome = {
    kind: 'claude',
    main: posted(job.path, main),
    agents: agents.map((a) => posted(a.path, a.scanned)),
  };
  if (job.id !== undefined && prices !== undefined)
    outcome.row = claudeRow(
      job.id,
      main.summary,
      agents.map((a) => a.scanned.summary),
      prices,
    );
  return outcome;
}
