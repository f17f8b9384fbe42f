// Test data in the shapes the backend sends: message Markdown written exactly as the export
// format (see the project notes), transcripts and session summaries.
import type { SessionSummary, Transcript, TranscriptImage, TranscriptMessage } from '../../shared/types';

/** One block of a message, as a test describes it. */
export type TestBlock =
  | { type: 'text'; text: string }
  | { type: 'tool_use'; name: string; input?: string }
  | { type: 'tool_result'; output: string; isError?: boolean };

const HEADINGS: Record<string, string> = { user: 'User', assistant: 'Assistant', system: 'System' };

/** A message's export Markdown: "## Role\n\n", the blocks, then "---\n\n". */
export function messageMarkdown(role: string, blocks: readonly TestBlock[]): string {
  let out = `## ${HEADINGS[role] ?? role}\n\n`;
  for (const block of blocks) {
    if (block.type === 'text') out += `${block.text}\n\n`;
    else if (block.type === 'tool_use') {
      out += `**Tool Call:** \`${block.name}\`\n`;
      if (block.input !== undefined) out += `\`\`\`json\n${block.input}\n\`\`\`\n`;
      out += '\n';
    } else out += `**Tool Result** (error=${block.isError === true}):\n\`\`\`\n${block.output}\n\`\`\`\n\n`;
  }
  return `${out}---\n\n`;
}

/** A transcript message with the given blocks. */
export function message(
  role: string,
  blocks: readonly TestBlock[],
  images: TranscriptImage[] = [],
): TranscriptMessage {
  return {
    role,
    markdown: messageMarkdown(role, blocks),
    images,
    has_error: blocks.some((b) => b.type === 'tool_result' && b.isError === true),
  };
}

/** A transcript for session `id`; `session` overrides any field. */
export function transcript(
  id: string,
  messages: TranscriptMessage[],
  session: Partial<Transcript['session']> = {},
): Transcript {
  return {
    session: {
      id,
      title: `Session ${id}`,
      vendor: 'anthropic',
      endpoint: 'default',
      model: 'claude-sonnet-4',
      created_at: '2026-04-10T08:00:00Z',
      updated_at: '2026-04-10T08:30:00Z',
      cost: null,
      usage: [],
      metrics: [],
      checkpoints: [],
      skipped_lines: 0,
      skipped: [],
      duplicate_messages: 0,
      msg_count: messages.length,
      ...session,
    },
    header: `# Session ${id}\n\n---\n\n`,
    messages,
  };
}

/** A session summary; `fields` overrides any field. */
export function summary(id: string, fields: Partial<SessionSummary> = {}): SessionSummary {
  return {
    id,
    title: `Session ${id}`,
    created_at: '2026-04-10T08:00:00Z',
    updated_at: '2026-04-10T08:30:00Z',
    msg_count: 2,
    vendor: 'anthropic',
    endpoint: 'default',
    model: 'claude-sonnet-4',
    size: 1000,
    ...fields,
  };
}

/** The reference's export of the tool-heavy fixture session (golden/…d23db7e55539ac33.md), split
 * per message as Transcript.messages holds it. */
export const TOOLS_GOLDEN_MESSAGES: readonly string[] = [
  '## User\n\nList files then read one\n\n---\n\n',
  "## Assistant\n\nI'll look around.\n\n**Tool Call:** `list_dir`\n```json\n" +
    '{"path":"src/main.go","opts":{"recursive":true,"depth":3},"list":[1,2,3],"html":"<b>x</b>"}\n```\n\n' +
    '**Tool Call:** `no_input_tool`\n\n---\n\n',
  '## User\n\n**Tool Result** (error=false):\n```\nmain.go\nutil.go\n```\nfence inside output\n```\n```\n\n' +
    '**Tool Result** (error=true):\n```\npermission denied: /etc/shadow\n```\n\n---\n\n',
  '## Assistant\n\n\n\n---\n\n',
];

/** The reference's export of the hostile fixture session (golden/…b415e622ad0f2d67.md), per message. */
export const HOSTILE_GOLDEN_MESSAGES: readonly string[] = [
  '## User\n\n<script>window.__pwned=1</script> and <img src=x onerror="window.__pwned=2">\n\n---\n\n',
  '## Assistant\n\n[click me](javascript:window.__pwned=3) <a href="javascript:window.__pwned=4">x</a> ' +
    '<iframe src="https://example.com"></iframe> <svg onload="window.__pwned=5"></svg> ' +
    '<style>body{display:none}</style> <form action="https://evil.example"><input name=q></form>\n\n---\n\n',
  '## Assistant\n\n![tracker](https://evil.example/pixel.png) <details open ontoggle="window.__pwned=6">d</details>\n\n---\n\n',
];
