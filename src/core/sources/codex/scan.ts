// The list's cheap read of a Codex rollout: the grouping builder.ts does, followed from a few
// byte searches at the head of each line. The short lines that carry meta, turns, titles and
// token totals are parsed; items (messages, calls, tool outputs) are not, except user messages
// until the first prompt gives the title.
import type { Stats } from 'node:fs';
import {
  indexIn,
  KeySet,
  looksLikeObject,
  objectAfter,
  objectKey,
  readObjectHead,
  readWholeObject,
  stringAt,
  trimmed,
  type Scalars,
} from '../bytes';
import { isObj } from '../json';
import { validTime } from '../text';
import { forEachLine, visitLines, withRegularFile, withWholeFile, withWholeFileSync } from '../safe-read';
import type { SessionSummary } from '../../../shared/types';
import type { PriceTable } from '../pricing/pricing';
import { CodexBuilder } from './builder';
import { sideOf } from './records';
import { summaryOf } from './summary';

/** What a scan learned of one rollout: its list row (null when it has no message). */
export interface CodexFileFacts {
  summary: SessionSummary | null;
  /** The rollout copies another's history (a fork or a subagent): its row needs a full load. */
  copies: boolean;
}

const TOTAL = objectKey('total_token_usage');
/** What the list reads of a total (what totalOf takes) and of a turn (what turnContext takes). */
const TOTAL_KEYS = new KeySet(['input_tokens', 'cached_input_tokens', 'output_tokens']);
const TURN_KEYS = new KeySet([], { repeated: ['cwd', 'model'] });
/** The members before a line's payload (an older bare item's own members are there too). */
const OUTER_KEYS = new KeySet([], { raw: ['timestamp'], repeated: ['type', 'role'] });
/** The members at the head of a payload. */
const ITEM_KEYS = new KeySet([], { repeated: ['type', 'role'] });
const EMPTY_SUMMARY = Buffer.from('"summary":[]');
const CONTENT_ARRAY = Buffer.from('"content":[');
const EMPTY_CONTENT = Buffer.from('"content":[]');
/** Lines the scan parses in full, at most this long; longer ones are read from their head. */
const PARSE_LIMIT = 1 << 20;
const WHOLE_FILE = 32 << 20;
/** Line types whose lines are parsed (they are short and carry what a list shows). */
const PARSED = new Set(['session_meta', 'turn_context', 'compacted']);
const BARE_ITEMS = new Set([
  'message',
  'reasoning',
  'function_call',
  'function_call_output',
  'custom_tool_call',
  'custom_tool_call_output',
  'local_shell_call',
  'web_search_call',
]);

class Scan {
  readonly builder: CodexBuilder;
  private metas = 0;
  private ownId: string | undefined;
  copies = false;
  private titled = false;
  /** Line times not yet read, newest last (the last valid one is the session's last). */
  private readonly stamps = new Stamps();
  private settled: string | undefined;

  constructor(id: string) {
    this.builder = new CodexBuilder(id);
  }

  private parse(bytes: Buffer, s: number, e: number): Record<string, unknown> | null {
    if (e - s > PARSE_LIMIT) return null;
    try {
      const v: unknown = JSON.parse(bytes.toString('utf8', s, e));
      return isObj(v) ? v : null;
    } catch {
      return null;
    }
  }

  line(bytes: Buffer, from: number, to: number, terminated: boolean): void {
    const [s, e] = trimmed(bytes, from, to);
    if (!looksLikeObject(bytes, s, e)) return;
    if (!terminated && this.parse(bytes, s, e) === null) return;
    const head: Scalars = {};
    const stop = readObjectHead(bytes, s, e, OUTER_KEYS, head);
    const outer = typeof head.type === 'string' ? head.type : undefined;
    const b = this.builder;
    // Times are read for the first timed line and, at the end, the last one (what a load keeps).
    // Where the line's time is (read only when it is needed: it differs on every line).
    const stampAt = typeof head.timestamp === 'number' && bytes[head.timestamp] === 34 ? head.timestamp : -1;
    if (stampAt >= 0) this.stamp(bytes, stampAt, e);
    if (outer === 'turn_context' && stop?.key === 'payload' && stampAt >= 0) {
      // A turn's model and folder, read from the payload's members (a parse when they are odd).
      const payload: Scalars = {};
      if (readWholeObject(bytes, stop.at, e, TURN_KEYS, payload))
        return b.apply({ timestamp: stringAt(bytes, stampAt, e), type: outer, payload });
    }
    if (outer === undefined || PARSED.has(outer)) {
      const value = this.parse(bytes, s, e);
      if (!value) return;
      const payload = isObj(value.payload) ? value.payload : value;
      if (outer === 'session_meta' || outer === undefined) {
        if (typeof payload.id !== 'string') return;
        this.metas++;
        this.ownId ??= payload.id;
        if (this.metas > 1 && payload.id !== this.ownId) this.copies = true;
      }
      b.apply(value);
      return;
    }
    const timestamp = b.hasFirstTime() || stampAt < 0 ? undefined : stringAt(bytes, stampAt, e);
    const wrapped = outer === 'response_item' || outer === 'event_msg';
    const item: Scalars = wrapped ? {} : head;
    const itemStart = wrapped && stop?.key === 'payload' ? stop.at : s;
    if (wrapped && stop?.key === 'payload') readObjectHead(bytes, stop.at, e, ITEM_KEYS, item);
    const itemType = wrapped ? (typeof item.type === 'string' ? item.type : undefined) : outer;
    if (outer === 'event_msg') {
      if (itemType === 'token_count') {
        // Only its running total counts: cut out and parsed alone (rate limits are not read).
        const total = totalAt(bytes, itemStart, e);
        const payload =
          total === undefined ? {} : { type: 'token_count', info: { total_token_usage: total } };
        b.apply({ timestamp, type: 'event_msg', payload });
      } else if (itemType === 'thread_name_updated' || itemType === 'turn_aborted') {
        const value = this.parse(bytes, s, e);
        if (value) b.apply(value);
      } else if (timestamp !== undefined) b.apply({ timestamp, type: 'event_msg', payload: {} }); // its time only
      return;
    }
    if (outer !== 'response_item' && !BARE_ITEMS.has(outer)) return;
    if (itemType === undefined) return;
    const wrap = (payload: Record<string, unknown>) => b.apply({ timestamp, type: 'response_item', payload });
    if (itemType === 'message') {
      const role = typeof item.role === 'string' ? item.role : undefined;
      if (role === 'user' && !this.titled) {
        const value = this.parse(bytes, s, e);
        if (value) {
          b.apply(value);
          this.titled = b.hasPrompt();
          return;
        }
      }
      return wrap({ type: 'message', role, content: [] });
    }
    if (itemType === 'reasoning') {
      const emptySummary = indexIn(bytes, EMPTY_SUMMARY, itemStart, e) >= 0;
      const content =
        indexIn(bytes, CONTENT_ARRAY, itemStart, e) >= 0 && indexIn(bytes, EMPTY_CONTENT, itemStart, e) < 0;
      // Whether it has parts is all the grouping needs (their text is for a load).
      return wrap(emptySummary && !content ? { type: 'reasoning' } : { type: 'reasoning', summary: [{}] });
    }
    if (sideOf({ type: itemType }) !== 'none') wrap({ type: itemType });
  }

  // Times are checked from the newest back, at the end (most often only the last is read); a
  // long file's older half is settled on the way, so that few are kept.
  private stamp(bytes: Buffer, at: number, end: number): void {
    this.stamps.push(bytes, at, end);
    if (this.stamps.length > STAMPS) this.settled = this.stamps.settle(STAMPS / 2) ?? this.settled;
  }

  /** After the last line: the last valid time is the session's last. */
  finish(): void {
    const last = this.stamps.lastValid() ?? this.settled;
    if (last !== undefined) this.builder.noteTime(last);
  }
}

/** A token_count event's running total (the first one stated after `from`): its counts read
 * from its members, or parsed when they are odd; undefined when there is none. */
function totalAt(bytes: Buffer, from: number, e: number): unknown {
  const at = indexIn(bytes, TOTAL, from, e);
  if (at < 0) return undefined;
  const total: Scalars = {};
  if (readWholeObject(bytes, at + TOTAL.length - 1, e, TOTAL_KEYS, total)) return total;
  return objectAfter(bytes, TOTAL, at, e);
}

/** Line times kept unchecked at most. */
const STAMPS = 256;

/** Where line times are (the line's bytes, the time's opening quote, the line's end). */
class Stamps {
  private readonly bytes: Buffer[] = [];
  private readonly at: number[] = [];
  private readonly end: number[] = [];

  get length(): number {
    return this.at.length;
  }

  push(bytes: Buffer, at: number, end: number): void {
    this.bytes.push(bytes);
    this.at.push(at);
    this.end.push(end);
  }

  /** The last valid time among those in [from, to), read from the newest back. */
  lastValid(from = 0, to = this.at.length): string | undefined {
    for (let i = to - 1; i >= from; i--) {
      const time = validTime(stringAt(this.bytes[i]!, this.at[i]!, this.end[i]!));
      if (time !== undefined) return time;
    }
    return undefined;
  }

  /** The last valid time of the oldest `n`, which are dropped. */
  settle(n: number): string | undefined {
    const time = this.lastValid(0, n);
    this.bytes.splice(0, n);
    this.at.splice(0, n);
    this.end.splice(0, n);
    return time;
  }
}

/** What a finished scan found, its row costed with `prices`. */
function factsOf(scan: Scan, stats: Stats, prices: PriceTable): CodexFileFacts {
  scan.finish();
  const count = scan.builder.main.messages.length;
  const session = scan.builder.snapshot(stats.mtimeMs, prices);
  const summary = count > 0 ? summaryOf(session, count, stats.size) : null;
  return { summary, copies: scan.copies };
}

/** Scans the rollout at `path` (session `id`); costs are estimated with `prices`. */
export async function scanCodexFile(
  path: string,
  id: string,
  prices: PriceTable,
): Promise<{ summary: CodexFileFacts; stats: Stats }> {
  const scan = new Scan(id);
  return withRegularFile(path, async ({ fd, stats }) => {
    if (stats.size <= WHOLE_FILE) {
      // The bytes are reused once this returns: the last times are read from them before, and
      // the builder keeps what it parsed, not them.
      const summary = await withWholeFile(fd, stats.size, (whole) => {
        forEachLine(whole, (from, to, terminated) => scan.line(whole, from, to, terminated));
        return factsOf(scan, stats, prices);
      });
      return { summary, stats };
    }
    await visitLines(fd, 0, stats.size, (line, _n, terminated) =>
      scan.line(line, 0, line.length, terminated),
    );
    return { summary: factsOf(scan, stats, prices), stats };
  });
}

/** scanCodexFile with blocking reads (for the scan threads); a file too large to be read whole
 * is scanned as scanCodexFile does. */
export async function scanCodexFileBlocking(
  path: string,
  id: string,
  prices: PriceTable,
): Promise<{ summary: CodexFileFacts; stats: Stats }> {
  const scanned = withWholeFileSync(path, WHOLE_FILE, (whole, stats) => {
    if (whole === null) return null;
    const scan = new Scan(id);
    forEachLine(whole, (from, to, terminated) => scan.line(whole, from, to, terminated));
    return { summary: factsOf(scan, stats, prices), stats };
  });
  return scanned ?? scanCodexFile(path, id, prices);
}
