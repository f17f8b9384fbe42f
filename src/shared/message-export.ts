// A message's part of the Markdown export, rebuilt from the blocks the viewer draws with the same
// pieces the export is written with: "Copy as Markdown" on one message gives exactly its part of
// the session's export.
import { MESSAGE_CLOSING, messageOpening, textPart, toolCallPart, toolResultPart } from './export-format';
import type { TranscriptBlock, TranscriptMessage } from './transcript';

/** One block's part of the export ('' for blocks the export leaves out); null when the block
 * holds only the start of a string too long to send (the backend has the rest). */
export function blockExport(block: TranscriptBlock): string | null {
  switch (block.kind) {
    case 'text':
      return block.cut ? null : textPart(block.text);
    case 'tool_call':
      return block.input_cut ? null : toolCallPart(block.name, block.input);
    case 'tool_result':
      return block.cut ? null : toolResultPart(block.is_error, block.output);
    case 'reasoning':
    case 'image':
    case 'unknown':
      return '';
  }
}

/** The message's part of the export, or null when one of its blocks was cut. */
export function messageExport(message: TranscriptMessage): string | null {
  let out = messageOpening(message.role);
  for (const block of message.blocks) {
    const part = blockExport(block);
    if (part === null) return null;
    out += part;
  }
  return out + MESSAGE_CLOSING;
}
