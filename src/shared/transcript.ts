// What the transcript pane is drawn from, as the backend sends it: each message as generic blocks
// built from the session's structure (never from its Markdown), tool calls and their results
// paired by tool id, and pages of messages so that a long session opens at once.
import type { Checkpoint, FilePatch, GoTimeText, Session } from './types';

/** Where a block is: a message's index in the session and the block's index in that message's
 * `blocks`. */
export interface BlockRef {
  message: number;
  block: number;
}

/** A string of a line too long to send whole: only its start is in the block. */
export interface CutText {
  /** Where the rest starts: pass it to `sessions:text` as `from` (opaque to the viewer). */
  next: number;
  /** Size of the whole value as stored (JSON-escaped UTF-8), in bytes. */
  stored_bytes: number;
}

/** A bounded piece of the rest of a cut string (`sessions:text`). */
export interface TextPiece {
  text: string;
  /** Where the piece after it starts (pass it as `from`); null when this one ends the string. */
  next: number | null;
}

/** An image of an image block (index -1) or of a tool result (its index in `images`). `data`
 * (base64) comes inline when small; otherwise `sessions:image` fetches it when it is drawn. */
export interface ImageRef {
  index: number;
  mime: string;
  /** Length of the base64 data. */
  size: number;
  data?: string;
}

/** Fields every block has. */
interface BlockBase {
  /** The stored content block this one comes from (a ggcode text block with reasoning gives a
   * reasoning block and a text block, both from the same source). */
  source: number;
}

/** Text written by the user or the model (Markdown). */
export interface TextBlock extends BlockBase {
  kind: 'text';
  text: string;
  cut?: CutText;
}

/** The model's reasoning before it answered (ggcode's reasoning_content). */
export interface ReasoningBlock extends BlockBase {
  kind: 'reasoning';
  text: string;
  cut?: CutText;
}

/** A tool call. */
export interface ToolCallBlock extends BlockBase {
  kind: 'tool_call';
  id: string;
  name: string;
  /** The input's JSON text exactly as stored; null when the block has no input. */
  input: string | null;
  /** True when `input` had strings too long to send (a huge line): it is only a preview. */
  input_cut?: boolean;
  /** Its result; null when the session has none (yet). */
  result: BlockRef | null;
  /** The thread a subagent ran for this call (other sources: Claude Code's Task and Agent). */
  subagent?: SubagentThreadWire;
}

/** A subagent's own messages, under the call that started it. */
export interface SubagentThreadWire {
  agent_id: string;
  messages: TranscriptMessage[];
}

/** A tool's result. */
export interface ToolResultBlock extends BlockBase {
  kind: 'tool_result';
  tool_use_id: string;
  output: string;
  is_error: boolean;
  images: ImageRef[];
  cut?: CutText;
  /** The call it answers; null when no earlier call has its id. */
  call: BlockRef | null;
  /** An edit's change as the agent recorded it (Claude Code's structured patch). */
  patch?: FilePatch;
}

/** An image on its own. */
export interface ImageBlock extends BlockBase {
  kind: 'image';
  image: ImageRef;
}

/** A block of a type the viewer does not know; the export leaves it out too. */
export interface UnknownBlock extends BlockBase {
  kind: 'unknown';
  type: string;
}

/** One block as the viewer draws it. */
export type TranscriptBlock =
  TextBlock | ReasoningBlock | ToolCallBlock | ToolResultBlock | ImageBlock | UnknownBlock;

/** A timing event recorded after a message (a `metric` record). */
export interface MessageMetric {
  type: string;
  /** Nanoseconds. */
  duration: number;
}

/** One message as the viewer draws it. */
export interface TranscriptMessage {
  /** Its index in the session, from 0. */
  index: number;
  role: string;
  id?: string;
  timestamp?: GoTimeText;
  blocks: TranscriptBlock[];
  /** Timing events recorded right after it. */
  metrics?: MessageMetric[];
  /** What the message is when not a turn of the conversation (Message.kind: a command, context
   * the agent injected, a compaction summary, a notice). */
  kind?: string;
}

/** A checkpoint, with the message that holds its summary when the file names one. */
export interface TranscriptCheckpoint extends Checkpoint {
  summary_index?: number;
}

/** The session's facts, without its messages. */
export type TranscriptSession = Omit<Session, 'messages' | 'checkpoints'> & {
  msg_count: number;
  checkpoints: TranscriptCheckpoint[];
};

/** Consecutive messages of a session, with what is known of the session so far. */
export interface TranscriptPage {
  /** Names this reading of the file: a rewritten file gets a new one. */
  version: string;
  session: TranscriptSession;
  /** Messages known so far. */
  total: number;
  /** True once the whole file has been read: `total` and `session` are then final. */
  complete: boolean;
  /** From messages[0].index on, in order. */
  messages: TranscriptMessage[];
}

/** An image's data, fetched when it is drawn. */
export interface ImageData {
  mime: string;
  /** Base64, as stored. */
  data: string;
}

/** A user prompt of the session, for the outline. */
export interface OutlineEntry {
  index: number;
  /** The start of its first line. */
  label: string;
}

/** What is known once the whole file has been read: the final count, the session's facts and
 * the user's prompts. */
export interface TranscriptOutline {
  version: string;
  session: TranscriptSession;
  total: number;
  outline: OutlineEntry[];
}

/** The names, times and count a session's facts need; the rest starts empty (see below). */
export type SessionHeadline = Pick<
  TranscriptSession,
  'id' | 'title' | 'vendor' | 'endpoint' | 'model' | 'created_at' | 'updated_at' | 'msg_count'
>;

/** A session's facts with nothing recorded beside its messages: no cost, usage, metrics,
 * checkpoints or skipped lines. */
export function plainSessionFacts(headline: SessionHeadline): TranscriptSession {
  return {
    ...headline,
    cost: null,
    usage: [],
    metrics: [],
    checkpoints: [],
    skipped_lines: 0,
    skipped: [],
    duplicate_messages: 0,
  };
}
