// Marks the blocks of a message read from a huge line whose strings were cut (see line-cutter): a
// text, reasoning or output keeps its head and says where the rest is; a call's input says it is
// only a preview; an image cut short is no longer inline, so it is fetched whole when drawn.
import type { ImageRef, TranscriptBlock, TranscriptMessage } from '../../shared/transcript';
import type { CutString } from './line-cutter';

/** The stored field each kind of text-bearing block shows. */
const TEXT_FIELD: Partial<Record<TranscriptBlock['kind'], string>> = {
  text: 'text',
  reasoning: 'reasoning_content',
  tool_result: 'output',
};

function uninline(image: ImageRef, cut: CutString): void {
  delete image.data;
  image.size = cut.end - cut.start;
}

/** `message` (built from the cut record) with `cuts` marked on its blocks; returns it. */
export function applyCuts(message: TranscriptMessage, cuts: readonly CutString[]): TranscriptMessage {
  for (const cut of cuts) {
    const path = cut.path;
    if (path?.[0] !== 'message' || path[1] !== 'content' || typeof path[2] !== 'number') continue;
    const [, , source, field, ...rest] = path;
    for (const block of message.blocks) {
      if (block.source !== source) continue;
      const shown = TEXT_FIELD[block.kind] === field && rest.length === 0;
      if (shown && (block.kind === 'text' || block.kind === 'reasoning' || block.kind === 'tool_result')) {
        block.cut = { next: cut.next, stored_bytes: cut.end - cut.start };
      } else if (block.kind === 'tool_call' && field === 'input') {
        block.input_cut = true;
      } else if (block.kind === 'tool_result' && field === 'images' && rest[1] === 'data') {
        const image = block.images.find((i) => i.index === rest[0]);
        if (image) uninline(image, cut);
      } else if (block.kind === 'image' && field === 'image_data' && rest.length === 0) {
        uninline(block.image, cut);
      }
    }
  }
  return message;
}
