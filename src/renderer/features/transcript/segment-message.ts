// Splits one message's export Markdown back into its blocks (text, tool call, tool result), so
// tool blocks can be drawn as such and long outputs collapsed without running marked over them.
// The export format is ggcode's: a tool result's output may itself contain ``` fences, so its end
// is found by what must follow it, not by the first closing fence.

/** One block of a message, as the export wrote it. */
export type MessageBlock =
  | { kind: 'text'; markdown: string }
  | { kind: 'tool_call'; name: string; input: string | null }
  | { kind: 'tool_result'; isError: boolean; output: string };

/** A message split into its heading text ("User", "Assistant", ...) and blocks. */
export interface MessageParts {
  heading: string;
  blocks: MessageBlock[];
}

const TOOL_CALL = '**Tool Call:** `';
const TOOL_RESULT = '**Tool Result** (error=';
const RESULT_OPENING = /\*\*Tool Result\*\* \(error=(true|false)\):\n```\n/y;
const JSON_FENCE = '```json\n';
const RESULT_CLOSING = '\n```\n\n';
const MESSAGE_END = '---\n\n';

function startsBlock(body: string, at: number): boolean {
  return body.startsWith(TOOL_CALL, at) || body.startsWith(TOOL_RESULT, at);
}

/** Where the next tool block starts at a paragraph boundary after `from`; body.length if none. */
function nextToolBlock(body: string, from: number): number {
  const call = body.indexOf(`\n\n${TOOL_CALL}`, from);
  const result = body.indexOf(`\n\n${TOOL_RESULT}`, from);
  const found = [call, result].filter((i) => i >= 0);
  return found.length === 0 ? body.length : Math.min(...found) + 2;
}

function parseToolCall(body: string, at: number): { block: MessageBlock; end: number } | null {
  const nameStart = at + TOOL_CALL.length;
  const nameEnd = body.indexOf('`\n', nameStart);
  if (nameEnd < 0) return null;
  const name = body.slice(nameStart, nameEnd);
  let pos = nameEnd + 2;
  let input: string | null = null;
  if (body.startsWith(JSON_FENCE, pos)) {
    // Raw JSON cannot hold a line starting with ```, so the first closing fence is the end.
    const close = body.indexOf('\n```\n', pos + JSON_FENCE.length);
    if (close < 0) return null;
    input = body.slice(pos + JSON_FENCE.length, close);
    pos = close + 5;
  }
  if (body[pos] === '\n') pos += 1;
  return { block: { kind: 'tool_call', name, input }, end: pos };
}

function parseToolResult(body: string, at: number): { block: MessageBlock; end: number } | null {
  RESULT_OPENING.lastIndex = at;
  const opening = RESULT_OPENING.exec(body);
  if (!opening) return null;
  const start = at + opening[0].length;
  // An output may itself hold "\n```\n\n" (a Markdown file, say). A closing fence ends the output
  // when no other closing fence comes before the next tool block (or the message end): if the
  // output went on, its real closing fence would still lie ahead.
  let close = body.indexOf(RESULT_CLOSING, start);
  while (close >= 0) {
    const after = close + RESULT_CLOSING.length;
    const boundary = startsBlock(body, after) ? after : nextToolBlock(body, after);
    const another = body.indexOf(RESULT_CLOSING, after - 1);
    if (another < 0 || another + RESULT_CLOSING.length > boundary) break;
    close = another;
  }
  const isError = opening[1] === 'true';
  if (close < 0)
    return { block: { kind: 'tool_result', isError, output: body.slice(start) }, end: body.length };
  return {
    block: { kind: 'tool_result', isError, output: body.slice(start, close) },
    end: close + RESULT_CLOSING.length,
  };
}

/** Splits `markdown` (one TranscriptMessage's export slice) into heading and blocks. */
export function segmentMessage(markdown: string): MessageParts {
  let body = markdown;
  let heading = '';
  if (body.startsWith('## ')) {
    const end = body.indexOf('\n');
    heading = body.slice(3, end < 0 ? body.length : end);
    body = end < 0 ? '' : body.slice(end + 1).replace(/^\n/, '');
  }
  if (body.endsWith(MESSAGE_END)) body = body.slice(0, -MESSAGE_END.length);

  const blocks: MessageBlock[] = [];
  let pos = 0;
  let text = '';
  const flushText = () => {
    if (text.trim() !== '') blocks.push({ kind: 'text', markdown: text });
    text = '';
  };
  while (pos < body.length) {
    const parsed = body.startsWith(TOOL_CALL, pos)
      ? parseToolCall(body, pos)
      : body.startsWith(TOOL_RESULT, pos)
        ? parseToolResult(body, pos)
        : null;
    if (parsed) {
      flushText();
      blocks.push(parsed.block);
      pos = parsed.end;
      continue;
    }
    // Plain text up to the next tool block (a marker that failed to parse stays text).
    const end = nextToolBlock(body, pos);
    text += body.slice(pos, end);
    pos = end;
  }
  flushText();
  return { heading, blocks };
}
