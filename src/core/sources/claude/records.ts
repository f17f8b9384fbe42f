// What one Claude Code line means, decided the same way for a full load (builder.ts) and for the
// list's cheap scan (scan.ts), so both count the same messages: every user line is a message,
// assistant lines are one message per API response id, a system line is a message, a
// compaction marker or a timing by its subtype, and everything else is bookkeeping.
import type { ContentBlock, Message, MetricEvent } from '../../../shared/types';
import { addTokens, noTokens, type TokenCounts } from '../pricing/pricing';
import { titleFromPrompt } from '../text';
import { blocksOf, commandOf, isObj } from './content';

/** The line types that carry the conversation or its title; any other type is skipped. */
export const CONVERSATION_TYPES = new Set([
  'user',
  'assistant',
  'system',
  'summary',
  'custom-title',
  'ai-title',
]);

/** Line types Claude Code writes that are not the conversation (skipped, never "damaged"). */
export const BOOKKEEPING_TYPES = new Set([
  'file-history-snapshot',
  'progress',
  'queue-operation',
  'attachment',
  'permission-mode',
  'last-prompt',
  'agent-name',
  'tag',
]);

/** The model Claude Code names for messages it made itself (errors, interruptions). */
export const SYNTHETIC_MODEL = '<synthetic>';

type Obj = Record<string, unknown>;

/** What a system line stands for. */
export type SystemMeaning =
  | { type: 'message'; message: Message }
  | { type: 'checkpoint'; tokens?: number }
  | { type: 'metric'; metric: MetricEvent }
  | { type: 'none' };

const text = (role: string, body: string, kind: string, line: Obj): Message => {
  const m: Message = { role, content: [{ type: 'text', text: body }], kind };
  if (typeof line.uuid === 'string') m.id = line.uuid;
  if (typeof line.timestamp === 'string') m.timestamp = line.timestamp;
  return m;
};

function apiErrorText(line: Obj): string {
  if (typeof line.content === 'string' && line.content) return line.content;
  const error = line.error;
  const inner = isObj(error) && isObj(error.error) ? error.error : error;
  const message = isObj(inner) && typeof inner.message === 'string' ? inner.message : '';
  return message ? `API error: ${message}` : 'API error';
}

/** The meaning of a system line (compaction markers, turn timings, errors, command output). */
export function systemMeaning(line: Obj): SystemMeaning {
  const subtype = typeof line.subtype === 'string' ? line.subtype : '';
  switch (subtype) {
    case 'compact_boundary':
    case 'microcompact_boundary': {
      const meta = isObj(line.compactMetadata)
        ? line.compactMetadata
        : isObj(line.microcompactMetadata)
          ? line.microcompactMetadata
          : {};
      const tokens = typeof meta.preTokens === 'number' ? meta.preTokens : undefined;
      return tokens === undefined ? { type: 'checkpoint' } : { type: 'checkpoint', tokens };
    }
    case 'turn_duration':
      return typeof line.durationMs === 'number'
        ? {
            type: 'metric',
            metric: {
              ...(typeof line.timestamp === 'string' && { timestamp: line.timestamp }),
              type: 'turn_duration',
              duration: Math.round(line.durationMs * 1e6),
            },
          }
        : { type: 'none' };
    case 'api_error':
      return { type: 'message', message: text('system', apiErrorText(line), 'error', line) };
    case 'stop_hook_summary':
      return { type: 'none' };
    default: {
      if (typeof line.content !== 'string' || line.content.trim() === '') return { type: 'none' };
      const command = commandOf(line.content);
      if (command) {
        const role = command.kind === 'command' ? 'user' : 'system';
        return { type: 'message', message: text(role, command.text, command.kind, line) };
      }
      return { type: 'message', message: text('system', line.content, 'notice', line) };
    }
  }
}

const INTERRUPTED = /^\[Request interrupted by user/;

/** A user line as a message: its blocks, and what kind of message it is when not a prompt. */
export function userMessage(line: Obj): Message {
  const message = isObj(line.message) ? line.message : {};
  let content: ContentBlock[] = blocksOf(message.content);
  let kind: string | undefined;
  if (line.isCompactSummary === true) kind = 'compact_summary';
  else if (line.isMeta === true) kind = 'meta';
  else if (content.length === 1 && content[0]!.type === 'text') {
    const body = content[0]!.text ?? '';
    const command = commandOf(body);
    if (command) {
      kind = command.kind;
      content = [{ type: 'text', text: command.text }];
    } else if (INTERRUPTED.test(body)) kind = 'notice';
  }
  const m: Message = { role: 'user', content };
  if (typeof line.uuid === 'string') m.id = line.uuid;
  if (typeof line.timestamp === 'string') m.timestamp = line.timestamp;
  if (kind) m.kind = kind;
  return m;
}

/** The title a user message gives when it is the first real prompt, else undefined. */
export function promptTitle(m: Message): string | undefined {
  if (m.kind !== undefined) return undefined;
  const body = m.content.find((b) => b.type === 'text' && b.text && b.text.trim() !== '')?.text;
  return body === undefined ? undefined : titleFromPrompt(body);
}

/** Token counts of an Anthropic `usage` object (cache writes split by lifetime when known). */
export function tokensOf(usage: unknown): TokenCounts | null {
  if (!isObj(usage)) return null;
  const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0);
  const t = noTokens();
  t.input = n(usage.input_tokens);
  t.output = n(usage.output_tokens);
  t.cache_read = n(usage.cache_read_input_tokens);
  const split = usage.cache_creation;
  if (
    isObj(split) &&
    (split.ephemeral_5m_input_tokens !== undefined || split.ephemeral_1h_input_tokens !== undefined)
  ) {
    t.cache_write = n(split.ephemeral_5m_input_tokens);
    t.cache_write_1h = n(split.ephemeral_1h_input_tokens);
  } else t.cache_write = n(usage.cache_creation_input_tokens);
  return t;
}

/** The key that identifies one API response across its lines and copies (message id + request). */
export function usageKey(messageId: string | undefined, requestId: string | undefined, uuid: string): string {
  return messageId ? `${messageId}:${requestId ?? ''}` : `line:${uuid}`;
}

/** API responses' token use, each response counted once (the last usage seen for it wins: later
 * lines of one response carry the final counts), with the model that answered. */
function tokensFromJSON(v: unknown): TokenCounts | null {
  if (!isObj(v)) return null;
  const t = noTokens();
  for (const k of Object.keys(t) as (keyof TokenCounts)[]) {
    const n = v[k];
    if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) return null;
    t[k] = n;
  }
  return t;
}

/** A ledger's responses as columns (see UsageLedger.toColumns). */
export interface LedgerColumns {
  keys: string[];
  models: string[];
  /** Each response's counts: input, output, cache_read, cache_write, cache_write_1h (a plain array: a typed one would cost the
   * receiver a buffer of its own for every ledger). */
  tokens: number[];
  /** Each response's time, where it has one. */
  times?: (string | undefined)[];
}

/** Counts per response in LedgerColumns.tokens. */
const TOKEN_COUNT = 5;

export class UsageLedger {
  private readonly map = new Map<string, { model: string; tokens: TokenCounts; timestamp?: string }>();
  /** Posted responses not read into the map yet: a ledger a scan thread posted is read only
   * when used (a cold list's rows come made from the threads; the caches keep the ledgers). */
  private columns: LedgerColumns | null = null;

  private get entries(): Map<string, { model: string; tokens: TokenCounts; timestamp?: string }> {
    if (this.columns !== null) this.unpack(this.columns);
    return this.map;
  }

  private unpack(columns: LedgerColumns): void {
    this.columns = null;
    const c = columns.tokens;
    columns.keys.forEach((key, n) => {
      const i = n * TOKEN_COUNT;
      const tokens: TokenCounts = {
        input: c[i]!,
        output: c[i + 1]!,
        cache_read: c[i + 2]!,
        cache_write: c[i + 3]!,
        cache_write_1h: c[i + 4]!,
      };
      const timestamp = columns.times?.[n];
      this.map.set(key, { model: columns.models[n]!, tokens, ...(timestamp !== undefined && { timestamp }) });
    });
  }

  /** Records response `key`'s usage. */
  add(key: string, model: string, tokens: TokenCounts, timestamp?: string): void {
    const previous = this.entries.get(key);
    this.entries.set(key, {
      model: model || previous?.model || '',
      tokens,
      timestamp: previous?.timestamp ?? timestamp,
    });
  }

  /** Adds every response of `other` not already here. */
  merge(other: UsageLedger): void {
    for (const [key, e] of other.entries) if (!this.entries.has(key)) this.entries.set(key, e);
  }

  /** Tokens per model (responses without a real model are left out). */
  byModel(): Map<string, TokenCounts> {
    const out = new Map<string, TokenCounts>();
    for (const { model, tokens } of this.entries.values()) {
      if (!model || model === SYNTHETIC_MODEL) continue;
      let t = out.get(model);
      if (!t) out.set(model, (t = noTokens()));
      addTokens(t, tokens);
    }
    return out;
  }

  /** Models in order of first use, and the one that answered most responses. */
  models(): { models: string[]; main: string } {
    const counts = new Map<string, number>();
    for (const { model } of this.entries.values()) {
      if (!model || model === SYNTHETIC_MODEL) continue;
      counts.set(model, (counts.get(model) ?? 0) + 1);
    }
    let main = '';
    for (const [model, n] of counts) if (main === '' || n > counts.get(main)!) main = model;
    return { models: [...counts.keys()], main };
  }

  /** One usage entry per response, in order, for the session's token totals. */
  usageEntries(): { timestamp?: string; usage: Record<string, number> }[] {
    return [...this.entries.values()].map(({ tokens, timestamp }) => ({
      ...(timestamp !== undefined && { timestamp }),
      usage: {
        input_tokens: tokens.input,
        output_tokens: tokens.output,
        cache_read_tokens: tokens.cache_read,
        cache_write_tokens: tokens.cache_write + tokens.cache_write_1h,
      },
    }));
  }

  /** Number of responses recorded. */
  get size(): number {
    return this.entries.size;
  }

  /** The responses as columns, for posting between threads: a few arrays instead of objects for
   * each response (what a cold list of thousands posts, and the receiver collects). */
  toColumns(): LedgerColumns {
    const columns: LedgerColumns = { keys: [], models: [], tokens: [] };
    for (const [key, e] of this.entries) {
      columns.keys.push(key);
      columns.models.push(e.model);
      // Spelled out, as unpack reads them: a loop of keyed reads costs the compiler more.
      const t = e.tokens;
      columns.tokens.push(t.input, t.output, t.cache_read, t.cache_write, t.cache_write_1h);
      if (e.timestamp !== undefined) (columns.times ??= [])[columns.keys.length - 1] = e.timestamp;
    }
    return columns;
  }

  /** The ledger toColumns() made. */
  static fromColumns(columns: LedgerColumns): UsageLedger {
    const ledger = new UsageLedger();
    ledger.columns = columns;
    return ledger;
  }

  /** The responses as JSON (for the list's stored facts): [key, model, tokens, timestamp?] each. */
  toJSON(): unknown[] {
    return [...this.entries].map(([key, e]) =>
      e.timestamp === undefined ? [key, e.model, e.tokens] : [key, e.model, e.tokens, e.timestamp],
    );
  }

  /** A ledger from toJSON()'s output; null when it is not that shape. */
  static fromJSON(value: unknown): UsageLedger | null {
    if (!Array.isArray(value)) return null;
    const ledger = new UsageLedger();
    for (const e of value) {
      if (!Array.isArray(e) || typeof e[0] !== 'string' || typeof e[1] !== 'string') return null;
      const tokens = tokensFromJSON(e[2]);
      if (tokens === null || (e[3] !== undefined && typeof e[3] !== 'string')) return null;
      ledger.entries.set(e[0], {
        model: e[1],
        tokens,
        ...(e[3] !== undefined && { timestamp: e[3] as string }),
      });
    }
    return ledger;
  }
}
