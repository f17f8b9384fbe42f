// Pairs tool calls with their results by tool id, across messages, in session order: a result
// belongs to the earliest call with its id that has no result yet. A result whose id no earlier
// call has, and a call no result answers, stay unpaired and are shown as such.
import type { BlockRef, TranscriptMessage } from './transcript';

/** One call and the result that answers it. */
export interface ToolPair {
  call: BlockRef;
  result: BlockRef;
}

/** Pairing state over a session read in order (kept between pages and live appends). */
export class ToolPairing {
  /** Calls without a result yet, by tool id, oldest first. */
  private readonly waiting = new Map<string, BlockRef[]>();

  /** Takes the next message: sets `call` on each of its results and returns the pairs made, so
   * the caller can set `result` on calls of earlier messages. Calls start with `result` null. */
  add(message: TranscriptMessage): ToolPair[] {
    const pairs: ToolPair[] = [];
    message.blocks.forEach((block, index) => {
      const ref = { message: message.index, block: index };
      if (block.kind === 'tool_call') {
        if (block.id === '') return;
        const queue = this.waiting.get(block.id);
        if (queue) queue.push(ref);
        else this.waiting.set(block.id, [ref]);
      } else if (block.kind === 'tool_result') {
        const queue = block.tool_use_id === '' ? undefined : this.waiting.get(block.tool_use_id);
        const call = queue?.shift() ?? null;
        if (queue?.length === 0) this.waiting.delete(block.tool_use_id);
        block.call = call;
        if (call) pairs.push({ call, result: ref });
      }
    });
    return pairs;
  }
}

/** Pairs every call and result of `messages` (a whole session, in order), in place. */
export function pairAll(messages: readonly TranscriptMessage[]): void {
  const pairing = new ToolPairing();
  const byIndex = new Map(messages.map((m) => [m.index, m]));
  for (const message of messages) {
    for (const { call, result } of pairing.add(message)) {
      const block = byIndex.get(call.message)?.blocks[call.block];
      if (block?.kind === 'tool_call') block.result = result;
    }
  }
}
