// The Markdown export, byte for byte as ggcode's ExportSessionMarkdown writes it, from the shared
// pieces the viewer also uses (src/shared/export-format.ts).
import {
  MESSAGE_CLOSING,
  messageOpening,
  textPart,
  toolCallPart,
  toolResultPart,
} from '../../shared/export-format';
import type { ContentBlock, Message, Session } from '../../shared/types';
import { formatToSecond } from '../../shared/gotime';
import { rawInputText } from '../raw';

/** A session's title and its Markdown export, as the store streams them in one pass. */
export interface SessionMarkdown {
  title: string;
  markdown: string;
}

/** The export's header: title, id, times, vendor line and message count, then a rule. */
export function exportHeader(
  s: Pick<Session, 'id' | 'title' | 'created_at' | 'updated_at' | 'vendor' | 'endpoint' | 'model'>,
  messageCount: number,
): string {
  let out = `# ${s.title}\n\n**Session:** ${s.id}\n`;
  out += `**Created:** ${formatToSecond(s.created_at)}\n**Updated:** ${formatToSecond(s.updated_at)}\n`;
  if (s.vendor !== '') {
    out += `**Vendor:** ${s.vendor}`;
    if (s.endpoint !== '') out += ` / ${s.endpoint}`;
    if (s.model !== '') out += ` / ${s.model}`;
    out += '\n';
  }
  return out + `**Messages:** ${messageCount}\n\n---\n\n`;
}

/** One block's part of the export ('' for blocks the export leaves out). */
export function blockMarkdown(b: ContentBlock): string {
  switch (b.type) {
    case 'text':
      return textPart(b.text ?? '');
    case 'tool_use':
      return toolCallPart(b.tool_name ?? '', b.input === undefined ? null : rawInputText(b));
    case 'tool_result':
      return toolResultPart(b.is_error === true, b.output ?? '');
    default:
      return '';
  }
}

/** One message's part of the export: heading, blocks, closing rule. */
export function messageMarkdown(m: Message): string {
  let out = messageOpening(m.role);
  for (const b of m.content) out += blockMarkdown(b);
  return out + MESSAGE_CLOSING;
}

/** The whole export of a loaded session. */
export function exportSessionMarkdown(s: Session): string {
  return exportHeader(s, s.messages.length) + s.messages.map(messageMarkdown).join('');
}
