// The list's cheap read of a Claude Code file: what records.ts decides for each line, taken from
// the line's own scalar members (read in one pass up to its message object, and those after it)
// instead of a parse. Only the lines that carry a title (the first prompt, summary and title
// lines) and system lines, which are few and short, are parsed; an assistant line's usage object
// is cut out and parsed alone. Times are read from the first and the last line only.
import type { Stats } from 'node:fs';
import {
  KeySet,
  lastIndexIn,
  membersEnd,
  looksLikeObject,
  objectAfter,
  objectKey,
  readMembers,
  readObjectHead,
  stringAfter,
  stringAt,
  stringKey,
  trimmed,
  type MemberStop,
  type Scalars,
} from '../bytes';
import { isObj } from '../json';
import { forEachLine, visitLines, withRegularFile, withWholeFile, withWholeFileSync } from '../safe-read';
import { validTime } from '../text';
import {
  CONVERSATION_TYPES,
  promptTitle,
  SYNTHETIC_MODEL,
  systemMeaning,
  tokensOf,
  UsageLedger,
  usageKey,
  userMessage,
} from './records';
import { TitleState } from './title';

/** What a scan learned of one file. */
export interface ClaudeFileFacts {
  /** Messages of the file's own thread (what a load shows). */
  count: number;
  created?: string;
  updated?: string;
  cwd?: string;
  branch?: string;
  /** The title the file gives (empty when none). */
  title: string;
  /** The file's own thread's usage. */
  usage: UsageLedger;
  /** Its sidechain threads' usage (a load counts it after the subagent files'). */
  sideUsage: UsageLedger;
  /** The first `sessionId` (what an old-style `agent-*.jsonl` file belongs to). */
  sessionId?: string;
  /** The file's size and modification time as the scan read it. */
  size: number;
  mtimeMs: number;
}

const TIMESTAMP = stringKey('timestamp');
const REQUEST = stringKey('requestId');
const TYPE_AFTER = Buffer.from(',"type":"');
const USAGE = objectKey('usage');
/** The members a line states before its message object: all a line needs read, and what the
 * first lines add until the file's session and folder are known. */
const HEAD_KEYS = new KeySet(['isSidechain'], { repeated: ['type'] });
const FIRST_KEYS = new KeySet(['isSidechain', 'sessionId', 'cwd'], { repeated: ['type'] });
/** The members of a message before its content (an assistant line says its type only after it). */
const MESSAGE_KEYS = new KeySet(['id'], { repeated: ['role', 'model'] });
/** The members an assistant line states after its message object (its uuid and time read from
 * their places only when needed: they differ on every line). */
const TAIL_KEYS = new KeySet(['requestId'], { raw: ['uuid', 'timestamp'] });
const TIME_KEYS = new KeySet(['timestamp']);
const USAGE_KEYS = new KeySet([
  'input_tokens',
  'output_tokens',
  'cache_read_input_tokens',
  'cache_creation_input_tokens',
  'cache_creation',
]);
const SPLIT_KEYS = new KeySet(['ephemeral_5m_input_tokens', 'ephemeral_1h_input_tokens']);
const BRANCH_KEYS = new KeySet(['gitBranch']);
/** Fields after an assistant line's message object fit in this. */
const TAIL = 1024;
/** Lines longer than this that need a parse (system lines) are skipped instead. */
const PARSE_LIMIT = 256 << 10;
/** Files up to this size are read whole; larger ones line by line. */
const WHOLE_FILE = 32 << 20;

function parse(bytes: Buffer, s: number, e: number): Record<string, unknown> | null {
  if (e - s > PARSE_LIMIT) return null;
  try {
    const v: unknown = JSON.parse(bytes.toString('utf8', s, e));
    return isObj(v) ? v : null;
  } catch {
    return null;
  }
}

/** The members after an assistant line's message object (from `requestId`, or from `type`). */
function tailOf(bytes: Buffer, from: number, e: number): Scalars {
  const window = Math.max(from, e - TAIL);
  const out: Scalars = {};
  let at = lastIndexIn(bytes, REQUEST, window, e);
  if (at < 0) {
    const comma = lastIndexIn(bytes, TYPE_AFTER, window, e);
    at = comma < 0 ? -1 : comma + 1;
  }
  if (at >= 0) readMembers(bytes, at, e, TAIL_KEYS, out);
  return out;
}

/** An assistant line's usage, read from its members where it stands near the line's end (no
 * parse): what tokensOf makes of the object, or null when the line has none. */
function usageOf(bytes: Buffer, from: number, e: number): ReturnType<typeof tokensOf> {
  const at = lastIndexIn(bytes, USAGE, Math.max(from, e - TAIL), e);
  if (at < 0) return tokensOf(objectAfter(bytes, USAGE, from, e, true));
  const usage: Scalars = {};
  readObjectHead(bytes, at + USAGE.length - 1, e, USAGE_KEYS, usage, true);
  const split = usage.cache_creation;
  if (typeof split !== 'number') return tokensOf(usage);
  // The split's place was read: its counts are read from there, into a copy that holds them.
  const inner: Scalars = {};
  readObjectHead(bytes, split, e, SPLIT_KEYS, inner);
  return tokensOf({ ...usage, cache_creation: inner });
}

/** A timed line kept to read its timestamp and branch later (only the last valid ones are
 * needed: most often the last line's). */
interface Timed {
  bytes: Buffer;
  s: number;
  e: number;
  stop: MemberStop | null;
  tail: Scalars | null;
}

/** The timestamp of a user, assistant or system line. */
function timeOf({ bytes, s, e, stop, tail }: Timed): string | undefined {
  if (tail)
    return validTime(typeof tail.timestamp === 'number' ? stringAt(bytes, tail.timestamp, e) : undefined);
  const head: Scalars = {};
  readObjectHead(bytes, s, e, TIME_KEYS, head);
  if (head.timestamp !== undefined) return validTime(head.timestamp);
  // After the message object: the first timestamp member that follows its start.
  return validTime(stringAfter(bytes, TIMESTAMP, stop?.at ?? s, e));
}

/** The branch a timed line states, if any. */
function branchOf({ bytes, s, e }: Timed): string | undefined {
  const head: Scalars = {};
  readObjectHead(bytes, s, e, BRANCH_KEYS, head);
  return typeof head.gitBranch === 'string' && head.gitBranch ? head.gitBranch : undefined;
}

/** Timed lines kept unread at most (older ones are settled: their last time and branch read). */
const PENDING = 256;

/** The last valid time and the last branch stated by timed lines, read from the newest back:
 * most often only the last line is read. */
class LastTimed {
  private pending: Timed[] = [];
  private time: string | undefined;
  private branch: string | undefined;

  push(line: Timed): void {
    this.pending.push(line);
    if (this.pending.length > PENDING) {
      // A long file: the older half is settled now, so its lines need not be kept.
      const older = this.pending.splice(0, PENDING / 2);
      const { time, branch } = LastTimed.read(older);
      this.time = time ?? this.time;
      this.branch = branch ?? this.branch;
    }
  }

  private static read(lines: Timed[]): { time?: string; branch?: string } {
    let time: string | undefined;
    let branch: string | undefined;
    for (let i = lines.length - 1; i >= 0 && (time === undefined || branch === undefined); i--) {
      time ??= timeOf(lines[i]!);
      branch ??= branchOf(lines[i]!);
    }
    return { time, branch };
  }

  /** The last valid time and the last branch of every line pushed. */
  result(): { time?: string; branch?: string } {
    const { time, branch } = LastTimed.read(this.pending);
    return { time: time ?? this.time, branch: branch ?? this.branch };
  }
}

/** Accumulates the facts of one file, line by line. */
class Scan {
  readonly facts: ClaudeFileFacts = {
    count: 0,
    title: '',
    usage: new UsageLedger(),
    sideUsage: new UsageLedger(),
    size: 0,
    mtimeMs: 0,
  };
  readonly titles = new TitleState();
  private readonly responses = new Set<string>();
  private readonly timed = new LastTimed();
  /** Where each user, assistant and system line starts (a load's own lines, for summaries). */
  readonly conversation = new Set<number>();
  /** Sidechain threads' usage, by thread, and the thread of each sidechain line (as a load
   * groups them: by agentId, else by the parent line's thread). */
  private readonly chains = new Map<string, UsageLedger>();
  private readonly chainOf = new Map<string, string>();

  constructor(private readonly asSubagent: boolean) {}

  line(bytes: Buffer, from: number, to: number, terminated: boolean): void {
    const [s, e] = trimmed(bytes, from, to);
    if (!looksLikeObject(bytes, s, e)) return;
    // A last line still being written can end in a brace and still be cut: a load skips it.
    if (!terminated && parse(bytes, s, e) === null) return;
    const f = this.facts;
    const head: Scalars = {};
    const known = f.cwd !== undefined && f.sessionId !== undefined;
    const stop = readObjectHead(bytes, s, e, known ? HEAD_KEYS : FIRST_KEYS, head);
    const message: Scalars = {};
    let type = typeof head.type === 'string' ? head.type : undefined;
    // An assistant line writes its type after its message; the message says its role first.
    if (type === undefined && stop?.key === 'message') {
      readObjectHead(bytes, stop.at, e, MESSAGE_KEYS, message);
      if (message.role === 'assistant') type = 'assistant';
    }
    if (type === undefined || !CONVERSATION_TYPES.has(type)) return;
    if (typeof head.sessionId === 'string') f.sessionId ??= head.sessionId;
    if (type !== 'user' && type !== 'assistant' && type !== 'system') {
      const line = parse(bytes, s, e);
      if (line) this.titles.line(type, line);
      return;
    }
    if (typeof head.cwd === 'string' && head.cwd) f.cwd ??= head.cwd;
    this.conversation.add(s);
    const timed: Timed = { bytes, s, e, stop, tail: null };
    if (f.created === undefined) f.created = timeOf(timed);
    this.timed.push(timed);
    const sidechain = !this.asSubagent && head.isSidechain === true;
    // A sidechain line (older subagent threads, rare) is parsed: its thread is found by its
    // agentId or its parent line, and only its thread's usage is counted (after the agents').
    if (sidechain) return this.sidechainLine(type, parse(bytes, s, e));
    if (type === 'user') {
      f.count++;
      if (this.titles.prompt === undefined) {
        const line = parse(bytes, s, e);
        if (line) this.titles.prompt = promptTitle(userMessage(line));
      }
    } else if (type === 'assistant') {
      const id = typeof message.id === 'string' ? message.id : undefined;
      if (id === undefined || !this.responses.has(id)) {
        f.count++;
        if (id !== undefined) this.responses.add(id);
      }
      const tokens = usageOf(bytes, stop?.at ?? s, e);
      if (tokens) {
        const tail = tailOf(bytes, stop?.at ?? s, e);
        timed.tail = tail;
        const requestId = typeof tail.requestId === 'string' ? tail.requestId : undefined;
        const uuid =
          id === undefined && typeof tail.uuid === 'number' ? stringAt(bytes, tail.uuid, e) : undefined;
        const key = usageKey(id, requestId, uuid ?? `${s}`);
        const model = typeof message.model === 'string' ? message.model : SYNTHETIC_MODEL;
        f.usage.add(key, model, tokens);
      }
    } else {
      const line = parse(bytes, s, e);
      if (line && systemMeaning(line).type === 'message') f.count++;
    }
  }

  private sidechainLine(type: string, line: Record<string, unknown> | null): void {
    if (line === null) return;
    const uuid = typeof line.uuid === 'string' ? line.uuid : '';
    const parent = typeof line.parentUuid === 'string' ? line.parentUuid : '';
    const chain =
      typeof line.agentId === 'string' && line.agentId
        ? line.agentId
        : (this.chainOf.get(parent) ?? (uuid || `chain-${this.chains.size}`));
    if (uuid) this.chainOf.set(uuid, chain);
    let usage = this.chains.get(chain);
    if (!usage) this.chains.set(chain, (usage = new UsageLedger()));
    if (type !== 'assistant') return;
    const message = isObj(line.message) ? line.message : {};
    const tokens = tokensOf(message.usage);
    if (!tokens) return;
    const key = usageKey(
      typeof message.id === 'string' ? message.id : undefined,
      typeof line.requestId === 'string' ? line.requestId : undefined,
      uuid || `${this.chainOf.size}`,
    );
    usage.add(key, typeof message.model === 'string' ? message.model : SYNTHETIC_MODEL, tokens);
  }

  /** Reads the last valid time and branch (a load's `updated` and `git_branch`) and gathers the
   * sidechains' usage: after every line was seen. */
  finish(): void {
    const { time, branch } = this.timed.result();
    this.facts.updated = time ?? this.facts.created;
    if (branch !== undefined) this.facts.branch = branch;
    for (const usage of this.chains.values()) this.facts.sideUsage.merge(usage);
  }
}

/** True when a user, assistant or system line of `bytes` (starting at one of `lines`) has
 * `uuid` as its own member (what a load takes as the session's lines): searched from the end,
 * where a session's last lines are; the bytes can also be in a nested record (a progress line's,
 * a tool's result), so the member must be one of those the line's object closes on. */
function hasLine(bytes: Buffer, uuid: string, lines: ReadonlySet<number>): boolean {
  const needle = Buffer.from(`"uuid":${JSON.stringify(uuid)}`);
  for (let end = bytes.length; end > 0;) {
    const at = lastIndexIn(bytes, needle, 0, end);
    if (at < 0) return false;
    let stop = bytes.indexOf(10, at);
    if (stop < 0) stop = bytes.length;
    const [s, e] = trimmed(bytes, bytes.lastIndexOf(10, at) + 1, stop);
    if (lines.has(s) && membersEnd(bytes, at, e) === e - 1) return true;
    end = at;
  }
  return false;
}

/** The facts of a whole file's bytes (a subagent's own file with `asSubagent`). */
function scanWhole(whole: Buffer, stats: Stats, asSubagent: boolean): ClaudeFileFacts {
  const scan = new Scan(asSubagent);
  forEachLine(whole, (from, to, terminated) => scan.line(whole, from, to, terminated));
  scan.finish();
  // A summary names the session it sums up by its last line's uuid: this file's, or not.
  scan.facts.title = scan.titles.resolve((uuid) => uuid !== '' && hasLine(whole, uuid, scan.conversation));
  return sized(scan.facts, stats);
}

function sized(facts: ClaudeFileFacts, stats: Stats): ClaudeFileFacts {
  facts.size = stats.size;
  facts.mtimeMs = stats.mtimeMs;
  return facts;
}

/** Scans the Claude Code file at `path` (a subagent's own file with `asSubagent`). */
export async function scanClaudeFile(
  path: string,
  asSubagent = false,
): Promise<{ summary: ClaudeFileFacts; stats: Stats }> {
  return withRegularFile(path, async ({ fd, stats }) => {
    // The bytes are reused once this returns: the facts keep strings and numbers only.
    if (stats.size <= WHOLE_FILE)
      return {
        summary: await withWholeFile(fd, stats.size, (whole) => scanWhole(whole, stats, asSubagent)),
        stats,
      };
    const scan = new Scan(asSubagent);
    await visitLines(fd, 0, stats.size, (line, _n, terminated) =>
      scan.line(line, 0, line.length, terminated),
    );
    scan.finish();
    scan.facts.title = scan.titles.resolve((uuid) => uuid !== '');
    return { summary: sized(scan.facts, stats), stats };
  });
}

/** scanClaudeFile with blocking reads (for the scan threads); a file too large to be read whole
 * is scanned as scanClaudeFile does. */
export async function scanClaudeFileBlocking(
  path: string,
  asSubagent = false,
): Promise<{ summary: ClaudeFileFacts; stats: Stats }> {
  const scanned = withWholeFileSync(path, WHOLE_FILE, (whole, stats) =>
    whole === null ? null : { summary: scanWhole(whole, stats, asSubagent), stats },
  );
  return scanned ?? scanClaudeFile(path, asSubagent);
}
