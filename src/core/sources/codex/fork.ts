// Forked and subagent rollouts begin with a copy of their parent's history (the parent's lines,
// its session_meta first, timestamps rewritten). The copy is found by comparing with the parent
// itself, line for line, so it is shown once: in the parent.
import { isObj } from '../json';
import { CodexBuilder } from './builder';
import { parentOf, rolloutLine } from './records';

type Obj = Record<string, unknown>;

/** Where a rollout's copy of its parent is: lines [start, end). */
export interface CopiedRange {
  start: number;
  end: number;
  /** The parent's app id. */
  parent: string;
  /** False when the parent was not found (nothing is left out then). */
  found: boolean;
}

// Two lines are the same item when type and payload are (the copy's timestamps are new ones).
function same(a: Obj, b: Obj): boolean {
  const la = rolloutLine(a);
  const lb = rolloutLine(b);
  if (!la || !lb) return JSON.stringify(a) === JSON.stringify(b);
  return la.type === lb.type && JSON.stringify(la.payload) === JSON.stringify(lb.payload);
}

/** The copied range of `lines` (a rollout's parsed lines), or null when it copies nothing.
 * `parentLines` reads the parent's lines by its uuid (null when it is not there). */
export async function copiedRange(
  lines: readonly Obj[],
  parentLines: (uuid: string) => Promise<Obj[] | null>,
): Promise<CopiedRange | null> {
  const metas = lines
    .map((value, at) => ({ at, line: rolloutLine(value) }))
    .filter((x) => x.line?.type === 'session_meta');
  const own = metas[0];
  if (!own) return null;
  const ownId = own.line!.payload.id;
  const copy = metas.find((m) => m.at > own.at && m.line!.payload.id !== ownId);
  if (!copy) return null;
  const uuid = parentOf(own.line!.payload) ?? String(copy.line!.payload.id);
  const parent = `codex-${uuid}`;
  const theirs = await parentLines(uuid);
  if (!theirs) return { start: copy.at, end: copy.at, parent, found: false };
  let k = 0;
  while (copy.at + k < lines.length && k < theirs.length && same(lines[copy.at + k]!, theirs[k]!)) k++;
  return { start: copy.at, end: copy.at + k, parent, found: true };
}

/** Applies a rollout's lines to `builder`, leaving out the copy of its parent (whose running
 * token total and model the rollout's own lines continue from), with a notice saying so. */
export async function applyRollout(
  builder: CodexBuilder,
  lines: readonly Obj[],
  parentLines: (uuid: string) => Promise<Obj[] | null>,
): Promise<void> {
  const range = await copiedRange(lines, parentLines);
  if (range && !range.found)
    builder.notices.push(
      `Forked from ${range.parent}, which is not here: the history it copied is shown as copied`,
    );
  if (range && range.found && range.end > range.start) {
    const copied = new CodexBuilder('copy');
    for (const value of lines.slice(range.start, range.end)) copied.apply(value);
    const n = copied.main.messages.length;
    builder.notices.push(
      `Forked from ${range.parent}: the ${n} message${n === 1 ? '' : 's'} it copied from there ${n === 1 ? 'is' : 'are'} not repeated here`,
    );
  }
  lines.forEach((value, at) => {
    if (range && at >= range.start && at < range.end && isObj(value)) builder.prime(value);
    else builder.apply(value);
  });
}
