// What of a message is searchable, split the way the filters need it: `text` (what was said and
// reasoned) and `tools` (tool names, inputs and outputs, and what a subagent a tool call started did).
import type { Message } from '../../shared/types';
import { rawInputText } from '../raw';

/** The searchable text of a message, per index column. */
export interface MessageFields {
  text: string;
  tools: string;
}

/** Splits a message into its text and tools columns. */
export function messageFields(m: Message): MessageFields {
  const text: string[] = [];
  const tools: string[] = [];
  for (const b of m.content) {
    if (b.text) text.push(b.text);
    if (typeof b.reasoning_content === 'string' && b.reasoning_content) text.push(b.reasoning_content);
    if (b.type === 'tool_use') {
      if (b.tool_name) tools.push(b.tool_name);
      if (b.input !== undefined) tools.push(rawInputText(b));
    }
    if (b.output) tools.push(b.output);
    for (const sub of b.subagent?.messages ?? []) {
      const f = messageFields(sub);
      if (f.text) tools.push(f.text);
      if (f.tools) tools.push(f.tools);
    }
  }
  return { text: text.join('\n'), tools: tools.join('\n') };
}
