// Data shapes shared by every process. Field names follow the ggcode file format (snake_case)
// so that `sessions show --json` and the renderer see exactly what the files hold.

/** RFC 3339 time text exactly as stored (offset and nanoseconds kept; JS Date keeps neither). */
export type GoTimeText = string;

/** The reference's ContentBlock fields, as its JSON names them, in its order. */
export const BLOCK_FIELDS = [
  'type',
  'text',
  'image_mime',
  'image_data',
  'tool_name',
  'tool_id',
  'input',
  'output',
  'is_error',
] as const;

/** One content block of a message; unknown fields written by later ggcode versions are kept. */
export interface ContentBlock {
  type: string;
  text?: string;
  image_mime?: string;
  image_data?: string;
  tool_name?: string;
  tool_id?: string;
  /** The tool's arguments as a JSON value. */
  input?: unknown;
  /** The same arguments as the file stores them (number spelling and key order kept), when
   * loaded from a file: exports and rewrites use this text. Never written as a field of its own. */
  input_json?: string;
  output?: string;
  is_error?: boolean;
  /** Images attached to a tool result (later ggcode versions). */
  images?: { mime?: string; data?: string }[];
  reasoning_content?: string;
  /** A file edit's hunks (Claude Code's `toolUseResult.structuredPatch`), for a diff view. */
  patch?: FilePatch;
  /** The thread a subagent ran for this tool call (Claude Code's Task/Agent tools). */
  subagent?: SubagentThread;
  [extra: string]: unknown;
}

/** One hunk of a unified diff: line numbers and the lines with their ' ', '-' or '+' prefix. */
export interface PatchHunk {
  old_start: number;
  old_lines: number;
  new_start: number;
  new_lines: number;
  lines: string[];
}

/** The change a tool made to one file. */
export interface FilePatch {
  file_path: string;
  hunks: PatchHunk[];
}

/** A subagent's own conversation, attached to the tool call that started it (not counted among
 * the session's messages; its tokens are in the session's totals once). */
export interface SubagentThread {
  /** The agent's id as the source names it (Claude Code: `agentId`). */
  agent_id: string;
  messages: Message[];
  models: string[];
}

/** One conversation message. `id` and `timestamp` come from later ggcode versions. */
export interface Message {
  role: string;
  content: ContentBlock[];
  id?: string;
  timestamp?: GoTimeText;
  /** What a message is when it is not a turn of the conversation (other sources): `command` (a
   * slash command the user ran), `command_output`, `meta` (context the agent injected, such as
   * instructions or the environment), `compact_summary`, `error`, `notice`. Absent: a real turn. */
  kind?: string;
}

/** Token usage of one turn (`usage` records of later ggcode versions). */
export interface UsageEntry {
  timestamp?: GoTimeText;
  turn_index?: number;
  usage?: {
    input_tokens?: number;
    output_tokens?: number;
    cache_read_tokens?: number;
    cache_write_tokens?: number;
  };
  [extra: string]: unknown;
}

/** A timing event (`metric` records); `duration` is in nanoseconds. */
export interface MetricEvent {
  timestamp?: GoTimeText;
  turn_index?: number;
  type?: string;
  duration?: number;
  [extra: string]: unknown;
}

/** A context compaction point (`checkpoint` records). */
export interface Checkpoint {
  /** Number of messages loaded before the checkpoint: it sits between messages[n-1] and messages[n]. */
  after_messages: number;
  tokens?: number;
  summary_msg_id?: string;
  last_msg_id?: string;
  /** Older files carry the compacted summary inline. */
  messages?: Message[];
}

/** The opaque `cost` record; the usual fields are typed for display. */
export interface Cost {
  provider?: string;
  model?: string;
  input_tokens?: number;
  output_tokens?: number;
  cache_read_tokens?: number;
  cache_write_tokens?: number;
  total_cost_usd?: number;
  /** True when the cost was computed from token counts with a price table (the source stores
   * tokens only); `prices_as_of` is the date of that table. */
  estimated?: boolean;
  prices_as_of?: string;
  /** Models whose tokens had no price (their tokens are not in the total). */
  unpriced_models?: string[];
  [extra: string]: unknown;
}

/** Token counts and cost of one whole session, counted once: what the usage view adds up. Every
 * source fills it from its own records (ggcode: its `cost` record, else its `usage` entries). */
export interface SessionUsage {
  input_tokens: number;
  output_tokens: number;
  cache_read_tokens: number;
  cache_write_tokens: number;
  /** US dollars; null when the session records no cost and none could be estimated. */
  cost_usd: number | null;
  /** True when `cost_usd` comes from a price table rather than from the agent's own record. */
  cost_estimated: boolean;
}

/** What a load had to pass over: lines that were not usable records. */
export interface SkippedLine {
  /** 1-based line number in the file. */
  line: number;
  reason: string;
}

/** A loaded session, as the reference's `Session` plus what later formats add. */
export interface Session {
  id: string;
  title: string;
  vendor: string;
  endpoint: string;
  model: string;
  created_at: GoTimeText;
  updated_at: GoTimeText;
  messages: Message[];
  /** The last `cost` record, or null. */
  cost: Cost | null;
  /** That record as the file stores it, when loaded from a file: a rewrite keeps its bytes. */
  cost_json?: string;
  workspace?: string;
  usage: UsageEntry[];
  metrics: MetricEvent[];
  checkpoints: Checkpoint[];
  /** Count of damaged or unusable lines (torn, malformed, wrong field types). */
  skipped_lines: number;
  /** The first few skipped lines, for a notice. */
  skipped: SkippedLine[];
  /** Messages dropped because their `id` repeated an earlier message. */
  duplicate_messages: number;
  /** The source the session comes from (see SourceInfo); absent for ggcode. */
  source?: string;
  /** True when the source is another agent's, which we never write or delete. */
  read_only?: boolean;
  git_branch?: string;
  /** Every model the session used, in order of first use (`model` is the main one). */
  models?: string[];
  /** The session this one was forked from or started by (a fork, a subagent), when known. */
  parent_id?: string;
  /** One-line facts about how the session was read (a copied history left out, ...). */
  notices?: string[];
}

/** One row of `list`: what the index holds for a session (repaired in memory). */
export interface SessionSummary {
  id: string;
  title: string;
  created_at: GoTimeText;
  updated_at: GoTimeText;
  msg_count: number;
  vendor: string;
  endpoint: string;
  model: string;
  workspace?: string;
  /** Which agent recorded the session, where the list holds more than one kind. */
  source?: string;
  /** File size in bytes. */
  size: number;
  /** True while `<id>.lock` names a running process (an agent is writing this session). Set by
   * every `list`; optional so summaries made elsewhere (tests, the index) need not carry it. */
  live?: boolean;
  /** The session's last cost record, when it has one (estimated for sources that store tokens only). */
  cost?: Cost | null;
  /** As in Session (absent for ggcode). */
  read_only?: boolean;
  git_branch?: string;
  models?: string[];
  parent_id?: string;
}

/** What `list` answers: the sessions, and how many entries of the folder were skipped because
 * they could not be read (a FIFO, socket, device or folder named like a session, index.json or a
 * lock, a symlink to one or to outside the folder, a file without read permission). */
export interface SessionList {
  sessions: SessionSummary[];
  unreadable: number;
}

/** Where the search index stands: building in the background, or ready. */
export interface IndexProgress {
  state: 'indexing' | 'ready' | 'error';
  /** Files looked at so far, of `total`. */
  done: number;
  total: number;
  /** One line, when state is 'error'. */
  error?: string;
}

/** One matching message (or the title, message -1) with a snippet and what to highlight in it. */
export interface SearchMatch {
  message: number;
  field: 'title' | 'text' | 'tools';
  snippet: string;
  /** [start, end) ranges of `snippet` that matched. */
  highlights: [number, number][];
}

/** One session's matches: the best few, and how many there are in all. */
export interface SearchGroup {
  id: string;
  title: string;
  model: string;
  vendor: string;
  updated_at: GoTimeText;
  hit_count: number;
  matches: SearchMatch[];
  /** The session's source (absent for ggcode). */
  source?: string;
}

/** How search results are ordered: best match first, or most recently updated first. */
export type SearchSort = 'relevance' | 'date';

/** One page of results, grouped by session: best relevance first, then most recent (or most
 * recent first when `capped`). */
export interface SearchResults {
  query: string;
  groups: SearchGroup[];
  /** Sessions and messages matched. When `capped`: the sessions up to this page, and the
   * number of hits the query has more than. */
  total_sessions: number;
  total_hits: number;
  /** The query matched more messages than are ranked by relevance: sessions come most recent
   * first. */
  capped: boolean;
  /** A later page has more sessions. */
  has_more: boolean;
  page: number;
  page_size: number;
  took_ms: number;
  progress: IndexProgress;
  /** The index was still being built or brought up to date: these are the results over what it
   * held so far (a first build indexes the newest sessions first). */
  partial: boolean;
}
/** What a reader added to a session, kept in the app's own data folder: a star, tags, a note and
 * a display name shown instead of the title. Absent fields are unset. */
export interface Annotation {
  starred?: true;
  tags?: string[];
  note?: string;
  name?: string;
}

/** Every annotated session's annotation, by session id. */
export type Annotations = Record<string, Annotation>;
