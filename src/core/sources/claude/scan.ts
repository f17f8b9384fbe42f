// The list's cheap read of a Claude Code file: what records.ts decides for each line, taken from
// a few byte searches inside the line instead of a parse. Only the lines that carry a title
// (the first prompt, summary and title lines) and system lines, which are few and short, are
// parsed; an assistant line's usage object is cut out and parsed alone.
import type { Stats } from 'node:fs';
import { indexIn, looksLikeObject, objectAfter, objectKey, stringAfter, stringKey, trimmed } from '../bytes';
import { readAt, visitLines, withRegularFile } from '../safe-read';
import { validTime } from '../text';
import { isObj } from './content';
import {
  BOOKKEEPING_TYPES,
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
  usage: UsageLedger;
  /** The first `sessionId` (what an old-style `agent-*.jsonl` file belongs to). */
  sessionId?: string;
}

const TYPE = stringKey('type');
const MESSAGE = Buffer.from('"message":');
const SIDECHAIN = Buffer.from('"isSidechain":true');
const TIMESTAMP = stringKey('timestamp');
const CWD = stringKey('cwd');
const BRANCH = stringKey('gitBranch');
const SESSION = stringKey('sessionId');
const ID = stringKey('id');
const MODEL = stringKey('model');
const REQUEST = stringKey('requestId');
const UUID = stringKey('uuid');
const USAGE = objectKey('usage');
const TOP_TYPES = new Set([...CONVERSATION_TYPES, ...BOOKKEEPING_TYPES]);
/** Fields before the message object fit in this (a long cwd included). */
const HEAD = 4096;
/** Fields after an assistant line's message object fit in this. */
const TAIL = 1024;
/** Lines longer than this that need a parse (system lines) are skipped instead. */
const PARSE_LIMIT = 256 << 10;
/** Files up to this size are read whole; larger ones line by line. */
const WHOLE_FILE = 32 << 20;

/** The line's own `type` value: in the fields before its message object, else (an assistant
 * line writes it after the message) in its last bytes; null when neither has a known type. */
function topType(bytes: Buffer, s: number, e: number, cut: number): string | null {
  for (let at = indexIn(bytes, TYPE, s, cut); at >= 0; at = indexIn(bytes, TYPE, at + 1, cut)) {
    const value = stringAfter(bytes, TYPE, at, cut);
    if (value !== undefined && TOP_TYPES.has(value)) return value;
  }
  const value = stringAfter(bytes, TYPE, Math.max(cut, e - TAIL), e, true);
  return value !== undefined && TOP_TYPES.has(value) ? value : null;
}

function parse(bytes: Buffer, s: number, e: number): Record<string, unknown> | null {
  if (e - s > PARSE_LIMIT) return null;
  try {
    const v: unknown = JSON.parse(bytes.toString('utf8', s, e));
    return isObj(v) ? v : null;
  } catch {
    return null;
  }
}

/** Accumulates the facts of one file, line by line. */
class Scan {
  readonly facts: ClaudeFileFacts = { count: 0, title: '', usage: new UsageLedger() };
  readonly titles = new TitleState();
  private readonly responses = new Set<string>();

  constructor(private readonly asSubagent: boolean) {}

  line(bytes: Buffer, from: number, to: number, terminated: boolean): void {
    const [s, e] = trimmed(bytes, from, to);
    if (!looksLikeObject(bytes, s, e)) return;
    // A last line still being written can end in a brace and still be cut: a load skips it.
    if (!terminated && parse(bytes, s, e) === null) return;
    const m = indexIn(bytes, MESSAGE, s, Math.min(e, s + HEAD));
    const cut = m >= 0 ? m : Math.min(e, s + HEAD);
    const type = topType(bytes, s, e, cut);
    if (type === null || !CONVERSATION_TYPES.has(type)) return;
    const f = this.facts;
    f.sessionId ??= stringAfter(bytes, SESSION, s, cut);
    if (type !== 'user' && type !== 'assistant' && type !== 'system') {
      const line = parse(bytes, s, e);
      if (line) this.titles.line(type, line);
      return;
    }
    f.cwd ??= stringAfter(bytes, CWD, s, cut) || undefined;
    const branch = stringAfter(bytes, BRANCH, s, cut);
    if (branch) f.branch = branch;
    const sidechain = !this.asSubagent && indexIn(bytes, SIDECHAIN, s, cut) >= 0;
    if (type === 'user') {
      this.time(stringAfter(bytes, TIMESTAMP, m >= 0 ? m : s, e));
      if (sidechain) return;
      f.count++;
      if (this.titles.prompt === undefined) {
        const line = parse(bytes, s, e);
        if (line) this.titles.prompt = promptTitle(userMessage(line));
      }
    } else if (type === 'assistant') {
      const tail = Math.max(cut, e - TAIL);
      const time = stringAfter(bytes, TIMESTAMP, tail, e, true);
      this.time(time);
      const head = m >= 0 ? Math.min(e, m + 400) : cut;
      const id = m >= 0 ? stringAfter(bytes, ID, m, head) : undefined;
      const model = m >= 0 ? stringAfter(bytes, MODEL, m, head) : undefined;
      if (!sidechain && (id === undefined || !this.responses.has(id))) {
        f.count++;
        if (id !== undefined) this.responses.add(id);
      }
      const tokens = tokensOf(objectAfter(bytes, USAGE, m >= 0 ? m : s, e, true));
      if (tokens) {
        const uuid = stringAfter(bytes, UUID, tail, e, true) ?? `${s}`;
        const key = usageKey(id, stringAfter(bytes, REQUEST, tail, e, true), uuid);
        f.usage.add(key, model ?? SYNTHETIC_MODEL, tokens, time);
      }
    } else {
      const line = parse(bytes, s, e);
      if (!line) return;
      this.time(typeof line.timestamp === 'string' ? line.timestamp : undefined);
      if (!sidechain && systemMeaning(line).type === 'message') f.count++;
    }
  }

  private time(text: string | undefined): void {
    const t = validTime(text);
    if (!t) return;
    this.facts.created ??= t;
    this.facts.updated = t;
  }
}

/** Scans the Claude Code file at `path` (a subagent's own file with `asSubagent`). */
export async function scanClaudeFile(
  path: string,
  asSubagent = false,
): Promise<{ summary: ClaudeFileFacts; stats: Stats }> {
  const scan = new Scan(asSubagent);
  return withRegularFile(path, async ({ fd, stats }) => {
    let whole: Buffer | null = null;
    if (stats.size <= WHOLE_FILE) {
      whole = await readAt(fd, 0, stats.size);
      for (let from = 0; from < whole.length;) {
        let to = whole.indexOf(10, from);
        const terminated = to >= 0;
        if (!terminated) to = whole.length;
        scan.line(whole, from, to, terminated);
        from = to + 1;
      }
    } else {
      await visitLines(fd, 0, stats.size, (line, _n, terminated) =>
        scan.line(line, 0, line.length, terminated),
      );
    }
    // A summary names the session it sums up by its last line's uuid: this file's, or not.
    const buffer = whole;
    scan.facts.title = scan.titles.resolve(
      (uuid) => uuid !== '' && (buffer === null || buffer.indexOf(`"uuid":"${uuid}"`) >= 0),
    );
    return { summary: scan.facts, stats };
  });
}
