// What one Codex CLI rollout line means, decided the same way for a full load (builder.ts) and
// the list's cheap scan (scan.ts). Lines are `{timestamp, type, payload}`; older rollouts wrote
// the session's meta and the response items bare. Consecutive items of one side make one
// message: the model's reasoning, text and tool calls one assistant message, the tool outputs
// that answer them one message of results.
import type { ContentBlock } from '../../../shared/types';
import { isObj } from '../json';

type Obj = Record<string, unknown>;

/** A rollout line, in the current shape whatever the version that wrote it. */
export interface RolloutLine {
  timestamp?: string;
  type: string;
  payload: Obj;
}

/** The response item types older rollouts wrote without a wrapper. */
const RESPONSE_TYPES = new Set([
  'message',
  'reasoning',
  'function_call',
  'function_call_output',
  'custom_tool_call',
  'custom_tool_call_output',
  'local_shell_call',
  'web_search_call',
  'ghost_snapshot',
  'compaction',
]);

/** A parsed line in the current shape; null for lines that carry nothing (older state lines). */
export function rolloutLine(value: Obj): RolloutLine | null {
  const timestamp = typeof value.timestamp === 'string' ? value.timestamp : undefined;
  if (typeof value.type === 'string' && isObj(value.payload))
    return { timestamp, type: value.type, payload: value.payload };
  if (typeof value.type === 'string' && RESPONSE_TYPES.has(value.type))
    return { type: 'response_item', payload: value };
  if (value.type === undefined && value.record_type === undefined && typeof value.id === 'string')
    return { timestamp, type: 'session_meta', payload: value };
  return null;
}

/** Which side of the conversation a response item is on. */
export type ItemSide = 'user' | 'system' | 'assistant' | 'tool' | 'none';

const hasParts = (v: unknown): boolean => Array.isArray(v) && v.length > 0;

/** The side of a response item: a user or developer message stands alone; the model's items and
 * the tools' outputs each group with their neighbours. Reasoning kept only in its encrypted form
 * (no summary, no content) is nothing to show. */
export function sideOf(payload: Obj): ItemSide {
  switch (payload.type) {
    case 'message':
      return payload.role === 'user' ? 'user' : payload.role === 'assistant' ? 'assistant' : 'system';
    case 'reasoning':
      return hasParts(payload.summary) || hasParts(payload.content) ? 'assistant' : 'none';
    case 'function_call':
    case 'custom_tool_call':
    case 'local_shell_call':
    case 'web_search_call':
      return 'assistant';
    case 'function_call_output':
    case 'custom_tool_call_output':
      return 'tool';
    default:
      return 'none';
  }
}

const texts = (parts: unknown, kinds: string[]): string[] =>
  (Array.isArray(parts) ? parts : [])
    .filter((p): p is Obj => isObj(p) && kinds.includes(String(p.type)) && typeof p.text === 'string')
    .map((p) => p.text as string);

/** A reasoning item's readable text: its raw content when kept, else its summary. */
export function reasoningText(payload: Obj): string {
  const raw = texts(payload.content, ['reasoning_text', 'text']);
  return (raw.length ? raw : texts(payload.summary, ['summary_text'])).join('\n\n');
}

/** An image from a data URL (`data:image/png;base64,...`); other URLs are not fetched. */
function imageOf(url: unknown): { mime: string; data: string } | null {
  const m = typeof url === 'string' ? /^data:([\w.+-]+\/[\w.+-]+);base64,(.*)$/s.exec(url) : null;
  return m ? { mime: m[1]!, data: m[2]! } : null;
}

/** A message's content parts as blocks (text and images). */
export function messageBlocks(content: unknown): ContentBlock[] {
  const out: ContentBlock[] = [];
  for (const part of Array.isArray(content) ? content : []) {
    if (!isObj(part)) continue;
    if (
      (part.type === 'input_text' || part.type === 'output_text' || part.type === 'text') &&
      typeof part.text === 'string'
    )
      out.push({ type: 'text', text: part.text });
    else if (part.type === 'input_image') {
      const image = imageOf(part.image_url);
      if (image) out.push({ type: 'image', image_mime: image.mime, image_data: image.data });
    }
  }
  return out;
}

/** A tool's output as text, error flag and images: a plain string, a shell result wrapped as
 * JSON (`{"output":..., "metadata":{"exit_code":...}}`), content items, or `{content, success}`. */
export function outputOf(output: unknown): {
  text: string;
  isError: boolean;
  images: { mime: string; data: string }[];
} {
  if (typeof output === 'string') {
    if (output.startsWith('{')) {
      try {
        const wrapped: unknown = JSON.parse(output);
        if (isObj(wrapped) && typeof wrapped.output === 'string' && isObj(wrapped.metadata)) {
          const code = wrapped.metadata.exit_code;
          return { text: wrapped.output, isError: typeof code === 'number' && code !== 0, images: [] };
        }
      } catch {
        // not JSON after all: the text as it is
      }
    }
    const code = /^Exit code: (\d+)/.exec(output)?.[1];
    return { text: output, isError: code !== undefined && code !== '0', images: [] };
  }
  if (Array.isArray(output)) {
    const blocks = messageBlocks(output);
    return {
      text: blocks
        .filter((b) => b.type === 'text')
        .map((b) => b.text)
        .join('\n'),
      isError: false,
      images: blocks
        .filter((b) => b.type === 'image')
        .map((b) => ({ mime: b.image_mime!, data: b.image_data! })),
    };
  }
  if (isObj(output)) {
    const inner = outputOf(output.content ?? '');
    return { ...inner, isError: inner.isError || output.success === false };
  }
  return { text: '', isError: false, images: [] };
}

/** A tool call item as a tool_use block; a function's arguments (a JSON string) become its input,
 * their text kept for the export. */
export function callBlock(payload: Obj): ContentBlock {
  const id =
    typeof payload.call_id === 'string' ? payload.call_id : typeof payload.id === 'string' ? payload.id : '';
  switch (payload.type) {
    case 'function_call': {
      const text =
        typeof payload.arguments === 'string' ? payload.arguments : JSON.stringify(payload.arguments ?? null);
      const block: ContentBlock = {
        type: 'tool_use',
        tool_name: String(payload.name ?? ''),
        tool_id: id,
        input: text,
      };
      try {
        block.input = JSON.parse(text);
        block.input_json = text;
      } catch {
        // arguments that are not JSON stay the string they are
      }
      return block;
    }
    case 'custom_tool_call':
      return {
        type: 'tool_use',
        tool_name: String(payload.name ?? ''),
        tool_id: id,
        input: payload.input ?? null,
      };
    case 'local_shell_call':
      return { type: 'tool_use', tool_name: 'local_shell', tool_id: id, input: payload.action ?? null };
    default:
      return { type: 'tool_use', tool_name: 'web_search', tool_id: id, input: payload.action ?? null };
  }
}

/** A tool output item as a tool_result block. */
export function resultBlock(payload: Obj): ContentBlock {
  const { text, isError, images } = outputOf(payload.output);
  const block: ContentBlock = {
    type: 'tool_result',
    tool_id: typeof payload.call_id === 'string' ? payload.call_id : '',
    output: text,
  };
  if (isError) block.is_error = true;
  if (images.length) block.images = images;
  return block;
}

// What Codex puts before the conversation: instructions, the environment, AGENTS.md.
const CONTEXT = [
  '<environment_context',
  '<user_instructions',
  '<INSTRUCTIONS',
  '# AGENTS.md instructions',
  '<permissions instructions',
  '<developer_instructions',
  '<collaboration_mode',
];

/** What a user message is when it is not a prompt: context Codex injects, or a `!` command. */
export function userKind(blocks: ContentBlock[]): string | undefined {
  const text = (blocks.find((b) => b.type === 'text')?.text ?? '').trimStart();
  if (CONTEXT.some((p) => text.startsWith(p))) return 'meta';
  if (text.startsWith('<user_shell_command>')) return 'command';
  return undefined;
}

/** Token usage as Codex reports it (`input_tokens` includes the cached part). */
export interface CodexUsage {
  input_tokens: number;
  cached_input_tokens: number;
  output_tokens: number;
}

/** A token_count event's running total, or null when it has none. */
export function totalOf(payload: Obj): CodexUsage | null {
  const info = payload.info;
  const total = isObj(info) ? info.total_token_usage : undefined;
  if (!isObj(total)) return null;
  const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0);
  return {
    input_tokens: n(total.input_tokens),
    cached_input_tokens: n(total.cached_input_tokens),
    output_tokens: n(total.output_tokens),
  };
}

/** The parent a rollout names: what it was forked from, or the thread that spawned it. */
export function parentOf(meta: Obj): string | undefined {
  if (typeof meta.forked_from_id === 'string' && meta.forked_from_id) return meta.forked_from_id;
  const source = meta.source;
  const sub = isObj(source) ? source.subagent : undefined;
  const spawn = isObj(sub) ? sub.thread_spawn : undefined;
  return isObj(spawn) && typeof spawn.parent_thread_id === 'string' ? spawn.parent_thread_id : undefined;
}
