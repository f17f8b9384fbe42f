// The facts the transcript header states about a session, as display text.
import { countText } from '../../../shared/count-text';
import type { SourceInfo } from '../../../shared/contract';
import { sourceLabel } from '../../../shared/sources';
import type { TranscriptCheckpoint, TranscriptSession } from '../../../shared/transcript';
import type { Cost } from '../../../shared/types';
import { absoluteTime } from '../../../shared/time';

type SessionInfo = TranscriptSession;

/** One labelled fact ("Model: gpt-5"). */
export interface Fact {
  label: string;
  value: string;
  /** Set when the value is names from the transcript (model, vendor and endpoint, folder), which
   * are shown each isolated; `value` is then their text joined by " / ". */
  names?: string[];
}

/** A fact whose value is the transcript's own names. */
function nameFact(label: string, names: string[]): Fact {
  return { label, value: names.join(' / '), names };
}

function tokenTotals(session: SessionInfo): { input: number; output: number } | null {
  let input = 0;
  let output = 0;
  let seen = false;
  for (const entry of session.usage) {
    if (!entry.usage) continue;
    seen = true;
    input +=
      (entry.usage.input_tokens ?? 0) +
      (entry.usage.cache_read_tokens ?? 0) +
      (entry.usage.cache_write_tokens ?? 0);
    output += entry.usage.output_tokens ?? 0;
  }
  if (seen) return { input, output };
  const cost = session.cost;
  if (cost && (cost.input_tokens !== undefined || cost.output_tokens !== undefined)) {
    return { input: cost.input_tokens ?? 0, output: cost.output_tokens ?? 0 };
  }
  return null;
}

/** US dollars with enough digits for small amounts ($0.0042) and cents for large ones. */
export function formatUsd(amount: number): string {
  return `$${amount.toLocaleString('en-US', {
    minimumFractionDigits: 2,
    maximumFractionDigits: amount < 1 ? 4 : 2,
  })}`;
}

/** A cost as shown: "$1.23", or "≈ $1.23" when estimated from tokens with a price table. */
export function costText(cost: Cost): string {
  const amount = formatUsd(cost.total_cost_usd ?? 0);
  return cost.estimated === true ? `≈ ${amount}` : amount;
}

/** The header's facts, in display order; absent ones are left out. */
export function sessionFacts(session: SessionInfo, sources?: readonly SourceInfo[]): Fact[] {
  const facts: Fact[] = [];
  // Another agent's session says whose it is (ggcode's need not).
  if (session.source) facts.push({ label: 'Source', value: sourceLabel(session.source, sources) });
  if (session.model) facts.push(nameFact('Model', [session.model]));
  const others = (session.models ?? []).filter((m) => m !== session.model);
  if (others.length > 0) facts.push(nameFact('Also', others));
  const vendor = [session.vendor, session.endpoint].filter(Boolean);
  if (vendor.length > 0) facts.push(nameFact('Vendor', vendor));
  const created = absoluteTime(session.created_at);
  if (created) facts.push({ label: 'Created', value: created });
  const updated = absoluteTime(session.updated_at);
  if (updated) facts.push({ label: 'Updated', value: updated });
  facts.push({ label: 'Messages', value: countText(session.msg_count) });
  const cost = session.cost;
  if (typeof cost?.total_cost_usd === 'number' && Number.isFinite(cost.total_cost_usd)) {
    if (cost.estimated === true)
      facts.push({
        label: 'Cost (estimated)',
        value: `${costText(cost)}${cost.prices_as_of ? ` · prices of ${cost.prices_as_of}` : ''}`,
      });
    else facts.push({ label: 'Cost', value: formatUsd(cost.total_cost_usd) });
  }
  const tokens = tokenTotals(session);
  if (tokens)
    facts.push({ label: 'Tokens', value: `${countText(tokens.input)} in · ${countText(tokens.output)} out` });
  if (session.workspace) facts.push(nameFact('Folder', [session.workspace]));
  if (session.git_branch) facts.push(nameFact('Branch', [session.git_branch]));
  return facts;
}

/** Checkpoints grouped by position: key p means "between message p-1 and message p" (p may equal
 * the message count: after the last). Positions outside 0..count are dropped. */
export function checkpointsByPosition(
  checkpoints: readonly TranscriptCheckpoint[],
  messageCount: number,
): Map<number, TranscriptCheckpoint[]> {
  const byPosition = new Map<number, TranscriptCheckpoint[]>();
  for (const checkpoint of checkpoints) {
    const at = checkpoint.after_messages;
    if (!Number.isInteger(at) || at < 0 || at > messageCount) continue;
    byPosition.set(at, [...(byPosition.get(at) ?? []), checkpoint]);
  }
  return byPosition;
}

/** The heading a message's role gets, as the export writes it. */
export function roleLabel(role: string): string {
  switch (role) {
    case 'user':
      return 'User';
    case 'assistant':
      return 'Assistant';
    case 'system':
      return 'System';
    default:
      return role;
  }
}

/** The text blocks of a summary stored inline with a checkpoint. */
export function summaryTexts(checkpoint: TranscriptCheckpoint): string[] {
  return (checkpoint.messages ?? []).flatMap((m) =>
    m.content.flatMap((b) =>
      b.type === 'text' && typeof b.text === 'string' && b.text !== '' ? [b.text] : [],
    ),
  );
}
