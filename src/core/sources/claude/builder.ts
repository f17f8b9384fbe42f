// Builds a session from Claude Code lines in file order (a full load, and live follows that feed
// appended lines). One API response written over several lines becomes one message; its usage
// counts once. Sidechain lines (a subagent's thread) are kept apart and attached to the Task or
// Agent call that started them, so they are neither shown nor counted twice.
import type { Checkpoint, Message, MetricEvent, Session, SubagentThread } from '../../../shared/types';
import { goTimeFromMillis } from '../../../shared/gotime';
import { emptySession } from '../../load';
import { estimateCost, type PriceTable } from '../pricing/pricing';
import { validTime } from '../text';
import { Thread } from '../thread';
import { agentIdOf, isObj, patchOf } from './content';
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

type Obj = Record<string, unknown>;

/** How many skipped lines a session keeps details of. */
const SKIPPED_DETAILS = 20;
/** Tools whose call starts a subagent. */
const SUBAGENT_TOOLS = new Set(['Task', 'Agent']);

/** A subagent's thread as read from its own file (or from sidechain lines), with its usage. */
export interface AgentThread {
  agentId: string;
  thread: Thread;
  usage: UsageLedger;
}

/** Applies Claude Code lines to a session. */
export class ClaudeBuilder {
  readonly main = new Thread();
  readonly usage = new UsageLedger();
  private readonly session: Session;
  private readonly titles = new TitleState();
  private readonly uuids = new Set<string>();
  private readonly checkpoints: Checkpoint[] = [];
  private readonly metrics: MetricEvent[] = [];
  private readonly resultAgents = new Map<string, string>();
  /** Sidechain lines of this file, by thread (agentId, or the chain's first line). */
  private readonly sidechains = new Map<string, AgentThread>();
  private readonly chainOf = new Map<string, string>();
  /** Messages each subagent call's thread had when last attached (a grown thread changes the call). */
  private readonly attachedCounts = new Map<object, number>();
  /** Threads from subagent files, by agentId. */
  private agentFiles = new Map<string, AgentThread>();
  private created: string | undefined;
  private updated: string | undefined;
  private cwd: string | undefined;
  private branch: string | undefined;

  /** `id` is the session's app id; `asSubagent` reads a subagent's own file, whose every line
   * is a sidechain line of that one thread. */
  constructor(
    id: string,
    private readonly asSubagent = false,
  ) {
    this.session = emptySession(id);
  }

  private skip(line: number, reason: string): void {
    this.session.skipped_lines++;
    if (this.session.skipped.length < SKIPPED_DETAILS) this.session.skipped.push({ line, reason });
  }

  /** Applies one line of the file (bytes without the newline). */
  line(bytes: Buffer, lineNo: number, terminated: boolean): void {
    const text = bytes.toString('utf8').trim();
    if (text === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      this.skip(lineNo, terminated ? 'invalid JSON' : 'torn last line (invalid JSON)');
      return;
    }
    if (!isObj(value)) {
      this.skip(lineNo, 'line is not a JSON object');
      return;
    }
    this.apply(value);
  }

  /** Applies one parsed line. */
  apply(line: Obj): void {
    const type = typeof line.type === 'string' ? line.type : '';
    if (!CONVERSATION_TYPES.has(type)) return;
    if (type !== 'user' && type !== 'assistant' && type !== 'system') {
      this.titles.line(type, line);
      return;
    }
    if (typeof line.uuid === 'string') this.uuids.add(line.uuid);
    const time = validTime(line.timestamp);
    if (time) {
      this.created ??= time;
      this.updated = time;
    }
    if (typeof line.cwd === 'string' && line.cwd) this.cwd ??= line.cwd;
    if (typeof line.gitBranch === 'string' && line.gitBranch) this.branch = line.gitBranch;
    const sidechain = line.isSidechain === true && !this.asSubagent;
    const agent = sidechain ? this.sidechainOf(line) : null;
    const thread = agent ? agent.thread : this.main;
    const usage = agent ? agent.usage : this.usage;
    if (type === 'user') {
      const m = userMessage(line);
      this.noteResults(m, line.toolUseResult);
      thread.push(m);
      if (thread === this.main && this.titles.prompt === undefined) this.titles.prompt = promptTitle(m);
    } else if (type === 'assistant') {
      const message = isObj(line.message) ? line.message : {};
      thread.assistant(line, message);
      const tokens = tokensOf(message.usage);
      if (tokens) {
        const key = usageKey(
          typeof message.id === 'string' ? message.id : undefined,
          typeof line.requestId === 'string' ? line.requestId : undefined,
          typeof line.uuid === 'string' ? line.uuid : String(this.uuids.size),
        );
        const model = typeof message.model === 'string' ? message.model : SYNTHETIC_MODEL;
        usage.add(key, model, tokens, time);
      }
    } else if (!agent) {
      const meaning = systemMeaning(line);
      if (meaning.type === 'message') thread.push(meaning.message);
      else if (meaning.type === 'checkpoint')
        this.checkpoints.push({
          after_messages: this.main.messages.length,
          ...(meaning.tokens !== undefined && { tokens: meaning.tokens }),
        });
      else if (meaning.type === 'metric') this.metrics.push(meaning.metric);
    }
  }

  // A tool result's structured form: an edit's patch for the diff view, a subagent's id.
  private noteResults(m: Message, structured: unknown): void {
    const results = m.content.filter((b) => b.type === 'tool_result');
    for (const block of results) {
      const agentId = agentIdOf(results.length === 1 ? structured : undefined, block.output ?? '');
      if (agentId && block.tool_id) this.resultAgents.set(block.tool_id, agentId);
    }
    const patch = results.length === 1 ? patchOf(structured) : undefined;
    if (patch) results[0]!.patch = patch;
  }

  // The thread a sidechain line belongs to: its agentId's, else its parent line's chain.
  private sidechainOf(line: Obj): AgentThread {
    const uuid = typeof line.uuid === 'string' ? line.uuid : '';
    const parent = typeof line.parentUuid === 'string' ? line.parentUuid : '';
    const key =
      typeof line.agentId === 'string' && line.agentId
        ? line.agentId
        : (this.chainOf.get(parent) ?? (uuid || `chain-${this.sidechains.size}`));
    if (uuid) this.chainOf.set(uuid, key);
    let t = this.sidechains.get(key);
    if (!t) this.sidechains.set(key, (t = { agentId: key, thread: new Thread(), usage: new UsageLedger() }));
    return t;
  }

  /** Subagent threads read from their own files, by agentId (replaces those given before). */
  setAgentFiles(threads: Map<string, AgentThread>): void {
    this.agentFiles = threads;
  }

  /** Models, in order of first use, and the main one. */
  models(): { models: string[]; main: string } {
    return this.allUsage().models();
  }

  private allUsage(): UsageLedger {
    const all = new UsageLedger();
    all.merge(this.usage);
    for (const t of this.agentFiles.values()) all.merge(t.usage);
    for (const t of this.sidechains.values()) all.merge(t.usage);
    return all;
  }

  // Puts each subagent thread on the tool call that started it: by the agent id its result
  // names, else by its first prompt being the call's prompt. Returns how many found no call.
  private attach(): number {
    const threads = new Map(this.sidechains);
    for (const [id, t] of this.agentFiles) threads.set(id, t);
    const left = new Map(threads);
    const calls: { at: number; block: Message['content'][number] }[] = [];
    this.main.messages.forEach((m, at) => {
      for (const block of m.content)
        if (block.type === 'tool_use' && SUBAGENT_TOOLS.has(block.tool_name ?? '')) calls.push({ at, block });
    });
    const put = (call: (typeof calls)[number], t: AgentThread) => {
      const thread: SubagentThread = {
        agent_id: t.agentId,
        messages: t.thread.messages,
        models: t.usage.models().models,
      };
      const before = call.block.subagent;
      if (
        before?.agent_id !== thread.agent_id ||
        this.attachedCounts.get(call.block) !== thread.messages.length
      )
        this.main.touch(call.at);
      this.attachedCounts.set(call.block, thread.messages.length);
      call.block.subagent = thread;
      left.delete(t.agentId);
    };
    const unmatched: typeof calls = [];
    for (const call of calls) {
      const agentId = this.resultAgents.get(call.block.tool_id ?? '');
      const t = agentId === undefined ? undefined : threads.get(agentId);
      if (t) put(call, t);
      else unmatched.push(call);
    }
    for (const call of unmatched) {
      const prompt = isObj(call.block.input) ? call.block.input.prompt : undefined;
      if (typeof prompt !== 'string') continue;
      const t = [...left.values()].find((c) => {
        const first = c.thread.messages.find((m) => m.role === 'user');
        return first?.content.some((b) => b.type === 'text' && b.text?.trim() === prompt.trim());
      });
      if (t) put(call, t);
    }
    return [...left.values()].filter((t) => t.thread.messages.length > 0).length;
  }

  /** The session as read so far, with `messages` empty (they are `main.messages`); the
   * reference's time default applies: no timestamps -> the file's mtime. */
  snapshot(mtimeMs: number, prices: PriceTable): Session {
    const orphans = this.attach();
    const s: Session = { ...this.session, messages: [], skipped: [...this.session.skipped] };
    const fallback = goTimeFromMillis(Math.floor(mtimeMs));
    s.created_at = this.created ?? fallback;
    s.updated_at = this.updated ?? s.created_at;
    s.title = this.titles.resolve((uuid) => this.uuids.has(uuid));
    const usage = this.allUsage();
    const { models, main } = usage.models();
    s.vendor = 'anthropic';
    s.model = main;
    s.models = models;
    s.usage = usage.usageEntries();
    s.metrics = [...this.metrics];
    s.checkpoints = [...this.checkpoints];
    s.cost = usage.size > 0 ? estimateCost(prices, 'anthropic', usage.byModel()) : null;
    s.source = 'claude';
    s.read_only = true;
    if (this.cwd !== undefined) s.workspace = this.cwd;
    if (this.branch !== undefined) s.git_branch = this.branch;
    if (orphans > 0)
      s.notices = [
        `${orphans} subagent thread${orphans === 1 ? '' : 's'} could not be matched to the call that started ${orphans === 1 ? 'it' : 'them'}`,
      ];
    return s;
  }
}
