// The pieces of ggcode's Markdown export, as pure functions: the export (src/core/export/export-markdown.ts)
// is written with them, and the viewer uses the same ones to say what each block contributes, so
// what is read is what is exported.

const ROLE_HEADINGS = new Map([
  ['user', 'User'],
  ['assistant', 'Assistant'],
  ['system', 'System'],
]);

/** The heading word a role gets ("User", "Assistant", "System", any other role as is). */
export function roleHeading(role: string): string {
  return ROLE_HEADINGS.get(role) ?? role;
}

/** A message's opening line: "## {heading}" and a blank line. */
export function messageOpening(role: string): string {
  return `## ${roleHeading(role)}\n\n`;
}

/** What closes every message: a rule and a blank line. */
export const MESSAGE_CLOSING = '---\n\n';

/** A text block: its text and a blank line. */
export function textPart(text: string): string {
  return `${text}\n\n`;
}

/** A tool call: its name, then its input's stored JSON text in a json fence when it has one
 * (`rawInput` null: the block has no input field at all). */
export function toolCallPart(name: string, rawInput: string | null): string {
  let out = `**Tool Call:** \`${name}\`\n`;
  if (rawInput !== null) out += '```json\n' + rawInput + '\n```\n';
  return out + '\n';
}

/** A tool result: its error flag, then its output in a plain fence. */
export function toolResultPart(isError: boolean, output: string): string {
  return `**Tool Result** (error=${isError}):\n\`\`\`\n${output}\n\`\`\`\n\n`;
}
