// A Claude Code session's list row from the facts of its files, counted as a load counts them:
// the session's own thread, then its subagents' files, then its sidechains (each API response
// once). The calling thread and the scan threads both make rows with it.
import type { SessionSummary } from '../../../shared/types';
import { goTimeFromMillis } from '../../../shared/gotime';
import { estimateCost, type PriceTable } from '../pricing/pricing';
import { UsageLedger } from './records';
import type { ClaudeFileFacts } from './scan';

/** The row of session `id` (null when its file has no message), its agent files' facts in the
 * order a load reads them. */
export function claudeRow(
  id: string,
  main: ClaudeFileFacts,
  agents: readonly ClaudeFileFacts[],
  prices: PriceTable,
): SessionSummary | null {
  if (main.count === 0) return null;
  let size = main.size;
  // Most sessions have only their own file's usage: read as it is, not copied.
  let usage = main.usage;
  if (agents.length > 0 || main.sideUsage.size > 0) {
    usage = new UsageLedger();
    usage.merge(main.usage);
    for (const facts of agents) {
      usage.merge(facts.usage);
      size += facts.size;
    }
    usage.merge(main.sideUsage);
  }
  const { models, main: model } = usage.models();
  const created = main.created ?? goTimeFromMillis(Math.floor(main.mtimeMs));
  const summary: SessionSummary = {
    id,
    title: main.title,
    created_at: created,
    updated_at: main.updated ?? created,
    msg_count: main.count,
    vendor: 'anthropic',
    endpoint: '',
    model,
    size,
    source: 'claude',
    read_only: true,
    models,
  };
  if (main.cwd !== undefined) summary.workspace = main.cwd;
  if (main.branch !== undefined) summary.git_branch = main.branch;
  if (usage.size > 0) summary.cost = estimateCost(prices, 'anthropic', usage.byModel());
  return summary;
}
