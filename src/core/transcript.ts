// A loaded session prepared for the transcript pane: the export split per message, plus the
// images the export leaves out.
import type {
  ContentBlock,
  Message,
  Session,
  SubagentTranscript,
  Transcript,
  TranscriptImage,
  TranscriptMessage,
} from '../shared/types';
import { exportHeader, messageMarkdown } from './markdown';

function imagesOf(block: ContentBlock): TranscriptImage[] {
  const images: TranscriptImage[] = [];
  if (block.type === 'image' && block.image_mime && block.image_data) {
    images.push({ mime: block.image_mime, data: block.image_data });
  }
  for (const img of Array.isArray(block.images) ? block.images : []) {
    if (typeof img?.mime === 'string' && typeof img.data === 'string')
      images.push({ mime: img.mime, data: img.data });
  }
  return images;
}

/** One message as the viewer gets it (also what live updates send for each appended message). */
export function transcriptMessage(m: Message): TranscriptMessage {
  return {
    role: m.role,
    markdown: messageMarkdown(m),
    images: m.content.flatMap(imagesOf),
    ...(m.id !== undefined && { id: m.id }),
    ...(m.timestamp !== undefined && { timestamp: m.timestamp }),
    has_error: m.content.some((b) => b.type === 'tool_result' && b.is_error === true),
    ...(m.kind !== undefined && { kind: m.kind }),
    ...subagentsOf(m),
  };
}

// Subagent threads travel with the message whose tool call started them (other sources only).
function subagentsOf(m: Message): { subagents?: SubagentTranscript[] } {
  const threads: SubagentTranscript[] = [];
  for (const b of m.content) {
    if (b.type !== 'tool_use' || !b.subagent) continue;
    threads.push({
      tool_id: b.tool_id ?? '',
      agent_id: b.subagent.agent_id,
      messages: b.subagent.messages.map(transcriptMessage),
    });
  }
  return threads.length > 0 ? { subagents: threads } : {};
}

/** Splits a session into header and per-message Markdown; joined, they are the export. */
export function buildTranscript(session: Session): Transcript {
  const { messages, ...rest } = session;
  return {
    session: { ...rest, msg_count: messages.length },
    header: exportHeader(session, messages.length),
    messages: messages.map(transcriptMessage),
  };
}
