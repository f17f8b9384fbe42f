// A Claude Code file's facts as plain data: how the cache folder stores them, and how a scan
// thread posts them (a usage ledger's Map and methods would survive neither).
import { stored } from '../stored-facts';
import { UsageLedger, type LedgerColumns } from './records';
import type { ClaudeFileFacts } from './scan';

/** The facts as JSON-like data. */
export function encodeFacts(facts: ClaudeFileFacts): unknown {
  return { ...facts, usage: facts.usage.toJSON(), sideUsage: facts.sideUsage.toJSON() };
}

/** Facts from encodeFacts's output; null when it is not that shape. */
export function decodeFacts(v: unknown): ClaudeFileFacts | null {
  if (!stored.isObject(v) || !stored.count(v.count) || !stored.text(v.title)) return null;
  if (!stored.count(v.size) || !stored.count(v.mtimeMs)) return null;
  const texts = [v.created, v.updated, v.cwd, v.branch, v.sessionId];
  if (!texts.every(stored.optionalText)) return null;
  const usage = UsageLedger.fromJSON(v.usage);
  const sideUsage = UsageLedger.fromJSON(v.sideUsage);
  if (usage === null || sideUsage === null) return null;
  const facts: ClaudeFileFacts = {
    count: v.count,
    title: v.title,
    usage,
    sideUsage,
    size: v.size,
    mtimeMs: v.mtimeMs,
  };
  for (const k of ['created', 'updated', 'cwd', 'branch', 'sessionId'] as const)
    if (typeof v[k] === 'string') facts[k] = v[k];
  return facts;
}

/** The facts as a scan thread posts them (their ledgers in columns). */
export interface PostedClaudeFacts extends Omit<ClaudeFileFacts, 'usage' | 'sideUsage'> {
  usage: LedgerColumns;
  sideUsage: LedgerColumns;
}

/** The facts to post. */
export function postFacts(facts: ClaudeFileFacts): PostedClaudeFacts {
  return { ...facts, usage: facts.usage.toColumns(), sideUsage: facts.sideUsage.toColumns() };
}

/** Posted facts as they were (they come from this app's own thread: not checked again). */
export function receiveFacts(posted: PostedClaudeFacts): ClaudeFileFacts {
  return {
    ...posted,
    usage: UsageLedger.fromColumns(posted.usage),
    sideUsage: UsageLedger.fromColumns(posted.sideUsage),
  };
}
