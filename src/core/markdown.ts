// The Markdown export, byte for byte as ggcode's ExportSessionMarkdown writes it.
import type { ContentBlock, Message, Session } from '../shared/types';
import { formatToSecond } from './gotime';
import { rawInputText } from './raw';

// A Map, not an object: a role named "constructor" or "__proto__" must not find Object.prototype.
const ROLE_HEADINGS = new Map([
  ['user', 'User'],
  ['assistant', 'Assistant'],
  ['system', 'System'],
]);

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

function blockMarkdown(b: ContentBlock): string {
  switch (b.type) {
    case 'text':
      return `${b.text ?? ''}\n\n`;
    case 'tool_use': {
      let out = `**Tool Call:** \`${b.tool_name ?? ''}\`\n`;
      if (b.input !== undefined) out += '```json\n' + rawInputText(b) + '\n```\n';
      return out + '\n';
    }
    case 'tool_result':
      return `**Tool Result** (error=${b.is_error === true}):\n\`\`\`\n${b.output ?? ''}\n\`\`\`\n\n`;
    default:
      return '';
  }
}

/** One message's part of the export: heading, blocks, closing rule. */
export function messageMarkdown(m: Message): string {
  let out = `## ${ROLE_HEADINGS.get(m.role) ?? m.role}\n\n`;
  for (const b of m.content) out += blockMarkdown(b);
  return out + '---\n\n';
}

/** The whole export of a loaded session. */
export function exportSessionMarkdown(s: Session): string {
  return exportHeader(s, s.messages.length) + s.messages.map(messageMarkdown).join('');
}
