// A ggcode session's usage from its own records: the last `cost` record holds the session's
// totals; older files without one may still have per-turn `usage` entries, which are summed.
import type { Cost, SessionUsage, UsageEntry } from './types';

const tokens = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;

const TOKEN_FIELDS = ['input_tokens', 'output_tokens', 'cache_read_tokens', 'cache_write_tokens'] as const;

/** The usage of a session with this cost record and these usage entries; null when neither
 * says anything (no tokens, no cost). Counts are never taken from both, so nothing is counted twice. */
export function ggcodeSessionUsage(cost: Cost | null, entries: readonly UsageEntry[]): SessionUsage | null {
  const usage: SessionUsage = {
    input_tokens: 0,
    output_tokens: 0,
    cache_read_tokens: 0,
    cache_write_tokens: 0,
    cost_usd: null,
    cost_estimated: false,
  };
  const costHasTokens = cost !== null && TOKEN_FIELDS.some((f) => typeof cost[f] === 'number');
  if (costHasTokens) {
    for (const f of TOKEN_FIELDS) usage[f] = tokens(cost[f]);
  } else {
    for (const entry of entries) for (const f of TOKEN_FIELDS) usage[f] += tokens(entry.usage?.[f]);
  }
  const usd = cost?.total_cost_usd;
  if (typeof usd === 'number' && Number.isFinite(usd) && usd >= 0) {
    usage.cost_usd = usd;
    // Other sources store tokens only: their cost was estimated with the price table, and says so.
    usage.cost_estimated = cost?.estimated === true;
  }
  const empty = TOKEN_FIELDS.every((f) => usage[f] === 0) && usage.cost_usd === null;
  return empty ? null : usage;
}

/** Input, output and cache tokens together. */
export function totalTokens(u: SessionUsage): number {
  return u.input_tokens + u.output_tokens + u.cache_read_tokens + u.cache_write_tokens;
}
