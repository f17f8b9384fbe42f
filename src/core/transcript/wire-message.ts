// One stored message -> the blocks the viewer draws: text, reasoning, tool call, tool result,
// image, or a block of an unknown type. Built from the structure alone, so no text in a message
// can pose as a block; calls and results are paired afterwards (see shared/tool-pairing).
import type { ImageRef, TranscriptBlock, TranscriptMessage } from '../../shared/transcript';
import type { ContentBlock, Message } from '../../shared/types';
import { rawInputText } from '../raw';

/** Images whose base64 data is at most this long come inline; larger ones are fetched when drawn. */
export const INLINE_IMAGE_CHARS = 256 * 1024;

function imageRef(index: number, mime: unknown, data: unknown): ImageRef {
  const text = typeof data === 'string' ? data : '';
  const ref: ImageRef = { index, mime: typeof mime === 'string' ? mime : '', size: text.length };
  if (text.length <= INLINE_IMAGE_CHARS) ref.data = text;
  return ref;
}

function resultImages(block: ContentBlock): ImageRef[] {
  if (!Array.isArray(block.images)) return [];
  return block.images.flatMap((image, index) =>
    typeof image === 'object' && image !== null ? [imageRef(index, image.mime, image.data)] : [],
  );
}

/** The viewer's blocks for stored block `source`: its reasoning first when it has some. */
function blocksOf(block: ContentBlock, source: number): TranscriptBlock[] {
  const blocks: TranscriptBlock[] = [];
  if (typeof block.reasoning_content === 'string' && block.reasoning_content !== '') {
    blocks.push({ kind: 'reasoning', source, text: block.reasoning_content });
  }
  switch (block.type) {
    case 'text':
      blocks.push({ kind: 'text', source, text: block.text ?? '' });
      break;
    case 'tool_use':
      blocks.push({
        kind: 'tool_call',
        source,
        id: block.tool_id ?? '',
        name: block.tool_name ?? '',
        input: block.input === undefined ? null : rawInputText(block),
        result: null,
      });
      break;
    case 'tool_result':
      blocks.push({
        kind: 'tool_result',
        source,
        tool_use_id: block.tool_id ?? '',
        output: block.output ?? '',
        is_error: block.is_error === true,
        images: resultImages(block),
        call: null,
      });
      break;
    case 'image':
      blocks.push({ kind: 'image', source, image: imageRef(-1, block.image_mime, block.image_data) });
      break;
    default:
      blocks.push({ kind: 'unknown', source, type: block.type });
  }
  return blocks;
}

/** Message `index` of a session as the viewer gets it, its calls and results not yet paired. */
export function wireMessage(message: Message, index: number): TranscriptMessage {
  const wire: TranscriptMessage = {
    index,
    role: message.role,
    blocks: message.content.flatMap(blocksOf),
  };
  if (message.id !== undefined) wire.id = message.id;
  if (message.timestamp !== undefined) wire.timestamp = message.timestamp;
  return wire;
}
