// A height guess (px) for a message not yet laid out, so that the scrollbar is about right and a
// jump lands near its target before the real heights are measured.
import type { TranscriptMessage } from '../../../shared/transcript';

/** The guess for a message not loaded yet, from its line's size in the file when known. */
export function estimateFromBytes(bytes: number | undefined): number {
  if (bytes === undefined) return 160;
  return Math.min(900, 70 + Math.round(bytes / 6));
}

/** The guess for a loaded message: its blocks, with long parts as they show collapsed. */
export function estimateHeight(message: TranscriptMessage): number {
  let height = 54;
  let drawn = 0;
  for (const block of message.blocks) {
    if (block.kind === 'tool_result' && block.call !== null) continue;
    drawn++;
    if (block.kind === 'text' || block.kind === 'reasoning') {
      // About 115 characters fit on a line of the message column.
      const lines = block.kind === 'reasoning' ? 1 : Math.min(60, Math.ceil(block.text.length / 115));
      height += 8 + lines * 21;
    } else if (block.kind === 'tool_call') {
      height += 150;
    } else {
      height += 90;
    }
  }
  return drawn === 0 ? 1 : Math.min(1200, height);
}
