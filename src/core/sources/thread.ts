// A thread of messages as an adapter builds it: messages appended, or grown in place (another
// line of the same response), with the first changed message remembered for live follows.
import type { Message } from '../../shared/types';
import { blocksOf } from './claude/content';

type Obj = Record<string, unknown>;

/** One thread of messages: the session's own, or one subagent's. */
export class Thread {
  readonly messages: Message[] = [];
  /** Index of each API response's message, to merge its later lines into it. */
  private readonly byResponse = new Map<string, number>();
  /** Line uuids merged into each message, so a line written twice is not shown twice. */
  private readonly merged = new Map<number, Set<string>>();
  /** The first message added or changed since `takeDirty()`. */
  private dirty = Number.POSITIVE_INFINITY;

  /** Appends a message; returns its index. */
  push(m: Message): number {
    this.messages.push(m);
    const at = this.messages.length - 1;
    this.dirty = Math.min(this.dirty, at);
    return at;
  }

  /** Applies an assistant line: a new message, or more blocks of a response already begun. */
  assistant(line: Obj, message: Obj): void {
    const id = typeof message.id === 'string' ? message.id : undefined;
    const uuid = typeof line.uuid === 'string' ? line.uuid : '';
    const blocks = blocksOf(message.content);
    const at = id === undefined ? undefined : this.byResponse.get(id);
    if (at !== undefined) {
      const lines = this.merged.get(at)!;
      if (uuid && lines.has(uuid)) return;
      if (uuid) lines.add(uuid);
      this.messages[at]!.content.push(...blocks);
      this.dirty = Math.min(this.dirty, at);
      return;
    }
    const m: Message = { role: 'assistant', content: blocks };
    if (id !== undefined) m.id = id;
    else if (uuid) m.id = uuid;
    if (typeof line.timestamp === 'string') m.timestamp = line.timestamp;
    if (line.isApiErrorMessage === true) m.kind = 'error';
    const index = this.push(m);
    if (id !== undefined) this.byResponse.set(id, index);
    this.merged.set(index, new Set(uuid ? [uuid] : []));
  }

  /** The first message changed since the last call (Infinity: none); resets the mark. */
  takeDirty(): number {
    const d = this.dirty;
    this.dirty = Number.POSITIVE_INFINITY;
    return d;
  }

  /** Marks message `at` as changed (a subagent thread attached to it grew). */
  touch(at: number): void {
    this.dirty = Math.min(this.dirty, at);
  }
}
