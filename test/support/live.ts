// Helpers for live-update tests: session lines as ggcode writes them, and a way to wait for the
// next pushed event that matches.
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import { messageLine, metaLine } from '../../src/core/serialize';
import { newSession } from '../../src/core/new-session';
import type { Message } from '../../src/shared/types';

/** A user message with one text block. */
export function textMessage(text: string): Message {
  return { role: 'user', content: [{ type: 'text', text }] };
}

/** Writes `<id>.jsonl` in `dir` with a meta line and the given messages; returns its path. */
export function writeSession(dir: string, id: string, texts: string[] = []): string {
  const path = join(dir, `${id}.jsonl`);
  const meta = metaLine({ ...newSession('v', 'e', 'm'), id, title: `Session ${id}` });
  writeFileSync(path, meta + texts.map((t) => messageLine(id, textMessage(t))).join(''));
  return path;
}

/** Appends one message line (or the given raw text) to session `id` in `dir`. */
export function appendMessage(dir: string, id: string, text: string): void {
  appendFileSync(join(dir, `${id}.jsonl`), messageLine(id, textMessage(text)));
}

/** Collects pushed values; `next` takes the first one not taken yet that matches. */
export class Received<T> {
  readonly all: T[] = [];
  private readonly taken = new Set<number>();

  /** The listener to subscribe. */
  readonly push = (value: T): void => {
    this.all.push(value);
  };

  /** Waits for a value not taken by an earlier `next` that matches; takes and returns it. */
  async next(match: (value: T) => boolean = () => true, timeout = 5000): Promise<T> {
    let found: T | undefined;
    await vi.waitFor(
      () => {
        const at = this.all.findIndex((v, i) => !this.taken.has(i) && match(v));
        if (at < 0) throw new Error(`no matching event among ${JSON.stringify(this.rest())}`);
        this.taken.add(at);
        found = this.all[at];
      },
      { timeout, interval: 10 },
    );
    return found as T;
  }

  /** Everything not taken by `next`. */
  rest(): T[] {
    return this.all.filter((_, i) => !this.taken.has(i));
  }
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
