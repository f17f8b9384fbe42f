// One JSONL line -> one typed record, with the reference's acceptance rules: a line Go's
// json.Unmarshal would reject (bad JSON, a known field of the wrong type) is skipped whole.
import type { Checkpoint, ContentBlock, Message, MetricEvent, UsageEntry } from '../shared/types';
import { parseGoTime, ZERO_TIME } from '../shared/gotime';
import { rawInputs, rawInputsQuick, rawMember } from './gojson';
import { mayNestDeeperThan, nestsDeeperThan, SURROGATE_ESCAPE, wellFormedInPlace } from './json-walk';

/** Records nested deeper than this are refused: every consumer of a loaded session (JSON text for
 * the CLI and server, structured clone for IPC) recurses, and fails past about 4,000 levels. */
export const MAX_DEPTH = 1000;

/** The fields of a `meta` record. */
export interface MetaFields {
  title: string;
  vendor: string;
  endpoint: string;
  model: string;
  created_at: string;
  updated_at: string;
  workspace?: string;
}

/** A decoded line. Types the reference ignores arrive as `other`. */
export type RecordLine =
  | { type: 'meta'; meta: MetaFields }
  | { type: 'message'; message: Message | null }
  | { type: 'cost'; cost: unknown; raw?: string }
  | { type: 'usage'; usage: UsageEntry }
  | { type: 'metric'; metric: MetricEvent }
  | { type: 'checkpoint'; checkpoint: Omit<Checkpoint, 'after_messages'> }
  | { type: 'other' };

/** Why a line was not a usable record. */
export class BadLineError extends Error {
  override name = 'BadLineError';
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function str(o: Obj, key: string): string {
  const v = o[key];
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw new BadLineError(`field "${key}" is not a string`);
  return v;
}

function time(o: Obj, key: string): string {
  const v = str(o, key);
  // Every non-meta record carries the zero time: skip the parse for it.
  if (v === '' || v === ZERO_TIME) return v;
  if (!parseGoTime(v)) throw new BadLineError(`field "${key}" is not an RFC 3339 time`);
  return v;
}

const BLOCK_STRINGS = ['type', 'text', 'image_mime', 'image_data', 'tool_name', 'tool_id', 'output'];

function block(v: unknown): ContentBlock {
  if (!isObj(v)) throw new BadLineError('a content block is not an object');
  for (const key of BLOCK_STRINGS) str(v, key);
  if (v.is_error !== undefined && v.is_error !== null && typeof v.is_error !== 'boolean') {
    throw new BadLineError('field "is_error" is not a boolean');
  }
  return v as ContentBlock;
}

/** Validates a `message` value as Go's provider.Message decoder would; keeps later versions' fields. */
export function toMessage(v: unknown): Message | null {
  if (v === null || v === undefined) return null;
  if (!isObj(v)) throw new BadLineError('field "message" is not an object');
  const role = str(v, 'role');
  const content = v.content;
  if (content !== undefined && content !== null && !Array.isArray(content)) {
    throw new BadLineError('field "content" is not an array');
  }
  // Validated in place: a copy per message is measurable on sessions of 100 MB.
  for (const b of content ?? []) block(b);
  v.role = role;
  v.content = content ?? [];
  if (typeof v.id !== 'string') delete v.id;
  return v as unknown as Message;
}

// The times are the record's own, checked once by decodeRecord.
function meta(o: Obj, created_at: string, updated_at: string): MetaFields {
  const fields: MetaFields = {
    title: str(o, 'title'),
    vendor: str(o, 'vendor'),
    endpoint: str(o, 'endpoint'),
    model: str(o, 'model'),
    created_at,
    updated_at,
  };
  if (typeof o.workspace === 'string') fields.workspace = o.workspace;
  return fields;
}

function checkpoint(o: Obj): Omit<Checkpoint, 'after_messages'> {
  const cp: Omit<Checkpoint, 'after_messages'> = {};
  if (typeof o.checkpoint_tokens === 'number') cp.tokens = o.checkpoint_tokens;
  if (typeof o.checkpoint_summary_msg_id === 'string') cp.summary_msg_id = o.checkpoint_summary_msg_id;
  if (typeof o.checkpoint_last_msg_id === 'string') cp.last_msg_id = o.checkpoint_last_msg_id;
  if (Array.isArray(o.checkpoint_messages)) {
    cp.messages = o.checkpoint_messages.flatMap((m) => {
      try {
        return [toMessage(m)].filter((x): x is Message => x !== null);
      } catch {
        return [];
      }
    });
  }
  return cp;
}

// Attaches each tool input's stored text to its block; the quick path covers lines whose only
// "input" keys are the blocks' own, the full walk the rest (inputs with nested "input" keys).
function keepRawInputs(message: Message, text: string): void {
  const owners = message.content.filter((b) => b.input !== undefined);
  if (owners.length === 0) return;
  const quick = rawInputsQuick(text, owners.length);
  if (quick) {
    owners.forEach((b, i) => (b.input_json = quick[i]!));
    return;
  }
  for (const [i, raw] of rawInputs(text)) {
    const b = message.content[i];
    if (b) b.input_json = raw;
  }
}

/** Decodes one trimmed, non-empty line. Throws BadLineError or SyntaxError for an unusable line.
 * Without `keepRaw`, the stored text of inputs and cost is not kept (for summaries). */
export function decodeRecord(text: string, keepRaw = true): RecordLine {
  const o: unknown = JSON.parse(text);
  if (!isObj(o)) throw new BadLineError('line is not a JSON object');
  if (mayNestDeeperThan(text, MAX_DEPTH) && nestsDeeperThan(o, MAX_DEPTH)) {
    throw new BadLineError(`nested deeper than ${MAX_DEPTH} levels`);
  }
  if (text.includes('\\u') && SURROGATE_ESCAPE.test(text)) wellFormedInPlace(o);
  const type = str(o, 'type');
  str(o, 'session_id');
  const created = time(o, 'created_at');
  const updated = time(o, 'updated_at');
  switch (type) {
    case 'meta':
      return { type, meta: meta(o, created, updated) };
    case 'message': {
      const message = toMessage(o.message);
      if (message && typeof o.timestamp === 'string' && message.timestamp === undefined) {
        message.timestamp = o.timestamp;
      }
      if (message && keepRaw) keepRawInputs(message, text);
      return { type, message };
    }
    case 'cost': {
      const cost = o.cost ?? null;
      const raw = isObj(cost) && keepRaw ? rawMember(text, 'cost') : undefined;
      return raw === undefined ? { type, cost } : { type, cost, raw };
    }
    case 'usage':
      return { type, usage: isObj(o.usage_entry) ? (o.usage_entry as UsageEntry) : {} };
    case 'metric':
      return { type, metric: isObj(o.metric_event) ? (o.metric_event as MetricEvent) : {} };
    case 'checkpoint':
      return { type, checkpoint: checkpoint(o) };
    default:
      return { type: 'other' };
  }
}
