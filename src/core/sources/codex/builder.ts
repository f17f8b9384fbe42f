// Builds a session from Codex CLI rollout lines in file order (full loads and live follows).
// Token counts: token_count events carry running totals and are re-emitted unchanged, so only
// the growth of the total between two events is counted, to the model of the turn it grew in.
import type { Checkpoint, ContentBlock, Message, Session } from '../../../shared/types';
import { goTimeFromMillis } from '../../../shared/gotime';
import { emptySession } from '../../load';
import { isObj } from '../json';
import { estimateCost, noTokens, type PriceTable, type TokenCounts } from '../pricing/pricing';
import { titleFromPrompt, validTime } from '../text';
import { Thread } from '../thread';
import {
  callBlock,
  messageBlocks,
  parentOf,
  reasoningText,
  resultBlock,
  rolloutLine,
  sideOf,
  totalOf,
  userKind,
  type CodexUsage,
  type RolloutLine,
} from './records';

type Obj = Record<string, unknown>;

const SKIPPED_DETAILS = 20;

/** The rollout's own facts from its first session_meta. */
export interface CodexMeta {
  id?: string;
  cwd?: string;
  branch?: string;
  provider?: string;
  parent?: string;
  started?: string;
}

/** Applies rollout lines to a session. */
export class CodexBuilder {
  readonly main = new Thread();
  meta: CodexMeta | null = null;
  private readonly session: Session;
  /** Which group the last message is, so the next item of the same side joins it. */
  private open: 'assistant' | 'tool' | null = null;
  private model = '';
  private readonly turns = new Map<string, number>();
  private cwd: string | undefined;
  private readonly checkpoints: Checkpoint[] = [];
  private total: CodexUsage | null = null;
  private readonly byModel = new Map<string, TokenCounts>();
  private readonly usage: Session['usage'] = [];
  private threadName: string | undefined;
  private prompt: string | undefined;
  private first: string | undefined;
  private last: string | undefined;
  /** Notes about how the file was read (a copied history left out). */
  readonly notices: string[] = [];

  constructor(id: string) {
    this.session = emptySession(id);
  }

  /** True once a line with a valid time was applied. */
  hasFirstTime(): boolean {
    return this.first !== undefined;
  }

  /** Takes `timestamp` as the latest time seen (the list's scan reads only the last line's). */
  noteTime(timestamp: string): void {
    const t = validTime(timestamp);
    if (t) {
      this.first ??= t;
      this.last = t;
    }
  }

  /** True once the first real prompt (the title when no name is given) has been seen. */
  hasPrompt(): boolean {
    return this.prompt !== undefined;
  }

  /** Records a line that was not usable. */
  skip(line: number, reason: string): void {
    this.session.skipped_lines++;
    if (this.session.skipped.length < SKIPPED_DETAILS) this.session.skipped.push({ line, reason });
  }

  /** Parses one line; null (and counted as skipped) when it is not a JSON object. */
  parse(bytes: Buffer, lineNo: number, terminated: boolean): Obj | null {
    const text = bytes.toString('utf8').trim();
    if (text === '') return null;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      this.skip(lineNo, terminated ? 'invalid JSON' : 'torn last line (invalid JSON)');
      return null;
    }
    if (!isObj(value)) {
      this.skip(lineNo, 'line is not a JSON object');
      return null;
    }
    return value;
  }

  /** Parses and applies one line. */
  line(bytes: Buffer, lineNo: number, terminated: boolean): void {
    const value = this.parse(bytes, lineNo, terminated);
    if (value) this.apply(value);
  }

  private times(line: RolloutLine): void {
    const t = validTime(line.timestamp);
    if (!t) return;
    this.first ??= t;
    this.last = t;
  }

  private push(m: Message, open: 'assistant' | 'tool' | null): void {
    this.main.push(m);
    this.open = open;
  }

  private message(role: string, content: ContentBlock[], line: RolloutLine, kind?: string): Message {
    const m: Message = { role, content };
    if (line.timestamp !== undefined) m.timestamp = line.timestamp;
    if (kind) m.kind = kind;
    return m;
  }

  /** What a line copied from the parent (a fork's replayed history) still tells: the running
   * token total and the model in use, which the fork's own lines continue from. */
  prime(value: Obj): void {
    const line = rolloutLine(value);
    if (!line) return;
    if (line.type === 'turn_context' && typeof line.payload.model === 'string')
      this.model = line.payload.model;
    if (line.type === 'event_msg' && line.payload.type === 'token_count')
      this.total = totalOf(line.payload) ?? this.total;
  }

  /** Applies one parsed line. */
  apply(value: Obj): void {
    const line = rolloutLine(value);
    if (!line) return;
    this.times(line);
    const p = line.payload;
    switch (line.type) {
      case 'session_meta':
        if (this.meta === null) this.meta = metaOf(p, line.timestamp);
        return;
      case 'turn_context':
        return this.turnContext(p, line);
      case 'response_item':
        return this.item(p, line);
      case 'event_msg':
        return this.event(p, line);
      case 'compacted': {
        this.checkpoints.push({ after_messages: this.main.messages.length });
        if (typeof p.message === 'string' && p.message.trim())
          this.push(this.message('user', [{ type: 'text', text: p.message }], line, 'compact_summary'), null);
        return;
      }
    }
  }

  private turnContext(p: Obj, line: RolloutLine): void {
    if (typeof p.model === 'string' && p.model) {
      this.model = p.model;
      this.turns.set(p.model, (this.turns.get(p.model) ?? 0) + 1);
    }
    if (typeof p.cwd !== 'string' || !p.cwd) return;
    const before = this.cwd ?? this.meta?.cwd;
    this.cwd = p.cwd;
    if (before !== undefined && before !== p.cwd)
      this.push(
        this.message('system', [{ type: 'text', text: `Working directory: ${p.cwd}` }], line, 'notice'),
        null,
      );
  }

  private item(p: Obj, line: RolloutLine): void {
    const side = sideOf(p);
    if (side === 'none') return;
    if (side === 'user' || side === 'system') {
      const blocks = messageBlocks(p.content);
      const kind = side === 'system' ? 'meta' : userKind(blocks);
      this.push(this.message(side, blocks, line, kind), null);
      if (side === 'user' && kind === undefined && this.prompt === undefined) {
        const text = blocks.find((b) => b.type === 'text' && b.text?.trim())?.text;
        if (text !== undefined) this.prompt = titleFromPrompt(text);
      }
      return;
    }
    const block =
      p.type === 'message'
        ? messageBlocks(p.content)
        : p.type === 'reasoning'
          ? reasoningBlocks(p)
          : side === 'tool'
            ? [resultBlock(p)]
            : [callBlock(p)];
    const messages = this.main.messages;
    if (this.open === side && messages.length > 0) {
      const at = messages.length - 1;
      messages[at]!.content.push(...block);
      this.main.touch(at);
      return;
    }
    this.push(this.message(side === 'tool' ? 'user' : 'assistant', block, line), side);
  }

  private event(p: Obj, line: RolloutLine): void {
    if (p.type === 'token_count') return this.tokens(p, line);
    if (p.type === 'thread_name_updated' && typeof p.thread_name === 'string' && p.thread_name.trim())
      this.threadName = p.thread_name.trim();
    else if (p.type === 'turn_aborted') {
      const reason = typeof p.reason === 'string' ? ` (${p.reason})` : '';
      this.push(
        this.message('system', [{ type: 'text', text: `Turn aborted${reason}` }], line, 'notice'),
        null,
      );
    }
  }

  // Counts what the running total grew by since the last event (re-emitted totals add nothing).
  private tokens(p: Obj, line: RolloutLine): void {
    const total = totalOf(p);
    if (!total) return;
    const prev = this.total ?? { input_tokens: 0, cached_input_tokens: 0, output_tokens: 0 };
    this.total = total;
    const delta = {
      input: total.input_tokens - prev.input_tokens,
      cached: total.cached_input_tokens - prev.cached_input_tokens,
      output: total.output_tokens - prev.output_tokens,
    };
    if (delta.input < 0 || delta.cached < 0 || delta.output < 0) return; // a total that went back
    if (delta.input === 0 && delta.cached === 0 && delta.output === 0) return;
    const model = this.model || 'unknown';
    let t = this.byModel.get(model);
    if (!t) this.byModel.set(model, (t = noTokens()));
    const fresh = Math.max(0, delta.input - delta.cached);
    t.input += fresh;
    t.cache_read += delta.cached;
    t.output += delta.output;
    this.usage.push({
      ...(line.timestamp !== undefined && { timestamp: line.timestamp }),
      usage: {
        input_tokens: fresh,
        output_tokens: delta.output,
        cache_read_tokens: delta.cached,
        cache_write_tokens: 0,
      },
    });
  }

  /** Messages each model answered most turns of: the main model, and all in order of first use. */
  private models(): { models: string[]; main: string } {
    let main = '';
    for (const [model, n] of this.turns) if (main === '' || n > this.turns.get(main)!) main = model;
    return { models: [...this.turns.keys()], main };
  }

  /** The session as read so far, `messages` empty (they are `main.messages`). */
  snapshot(mtimeMs: number, prices: PriceTable): Session {
    const s: Session = { ...this.session, messages: [], skipped: [...this.session.skipped] };
    const meta = this.meta ?? {};
    const created = validTime(meta.started) ?? this.first ?? goTimeFromMillis(Math.floor(mtimeMs));
    s.created_at = created;
    s.updated_at = this.last ?? created;
    s.title = this.threadName ?? this.prompt ?? '';
    const { models, main } = this.models();
    s.vendor = meta.provider ?? 'openai';
    s.model = main;
    s.models = models;
    s.usage = [...this.usage];
    s.checkpoints = [...this.checkpoints];
    const priced = new Map([...this.byModel].filter(([m]) => m !== 'unknown'));
    s.cost =
      this.byModel.size > 0 ? estimateCost(prices, s.vendor, priced.size ? priced : this.byModel) : null;
    s.source = 'codex';
    s.read_only = true;
    const workspace = meta.cwd ?? this.cwd;
    if (workspace !== undefined) s.workspace = workspace;
    if (meta.branch !== undefined) s.git_branch = meta.branch;
    if (meta.parent !== undefined) s.parent_id = `codex-${meta.parent}`;
    if (this.notices.length) s.notices = [...this.notices];
    return s;
  }
}

// A reasoning item's readable text as a block; none when its parts are empty.
function reasoningBlocks(p: Obj): ContentBlock[] {
  const text = reasoningText(p);
  return text ? [{ type: 'reasoning', reasoning_content: text }] : [];
}

function metaOf(p: Obj, timestamp: string | undefined): CodexMeta {
  const git = isObj(p.git) ? p.git : {};
  const meta: CodexMeta = {};
  if (typeof p.id === 'string') meta.id = p.id;
  if (typeof p.cwd === 'string' && p.cwd) meta.cwd = p.cwd;
  if (typeof git.branch === 'string' && git.branch) meta.branch = git.branch;
  if (typeof p.model_provider === 'string' && p.model_provider) meta.provider = p.model_provider;
  const parent = parentOf(p);
  if (parent !== undefined) meta.parent = parent;
  const started = typeof p.timestamp === 'string' ? p.timestamp : timestamp;
  if (started !== undefined) meta.started = started;
  return meta;
}
