// Claude Code's message content -> the app's content blocks: text, reasoning (thinking), tool
// call, tool result (text and images), image. Command wrappers (`<command-name>`,
// `<local-command-stdout>`, `!` bash mode) are recognised so they show as what they are.
import type { ContentBlock, FilePatch, PatchHunk } from '../../../shared/types';

type Obj = Record<string, unknown>;
import { isObj } from '../json';

export { isObj };
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** An image block as the app keeps it, from an Anthropic `image` block (base64 sources only). */
function imageOf(b: Obj): { mime: string; data: string } | null {
  const source = b.source;
  if (!isObj(source) || source.type !== 'base64') return null;
  const mime = str(source.media_type);
  const data = str(source.data);
  return mime && data ? { mime, data } : null;
}

/** A tool result's content (a string, or text and image blocks) as output text and images. */
function resultOf(content: unknown): { output: string; images: { mime: string; data: string }[] } {
  if (typeof content === 'string') return { output: content, images: [] };
  const texts: string[] = [];
  const images: { mime: string; data: string }[] = [];
  for (const part of Array.isArray(content) ? content : []) {
    if (!isObj(part)) continue;
    if (part.type === 'text' && typeof part.text === 'string') texts.push(part.text);
    else if (part.type === 'image') {
      const image = imageOf(part);
      if (image) images.push(image);
    }
  }
  return { output: texts.join('\n'), images };
}

/** Web search results (a server tool's result) as one line per page found. */
function searchResultsText(content: unknown): string {
  if (!Array.isArray(content)) return isObj(content) ? String(content.error_code ?? '') : '';
  return content
    .filter(isObj)
    .map((r) => [str(r.title), str(r.url)].filter(Boolean).join(' - '))
    .join('\n');
}

/** One Anthropic content block as the app's block, or null for kinds the app does not show. */
export function blockOf(b: unknown): ContentBlock | null {
  if (!isObj(b)) return null;
  switch (b.type) {
    case 'text':
      return typeof b.text === 'string' ? { type: 'text', text: b.text } : null;
    case 'thinking':
      return typeof b.thinking === 'string' && b.thinking !== ''
        ? { type: 'reasoning', reasoning_content: b.thinking }
        : null;
    case 'tool_use':
    case 'server_tool_use':
      return {
        type: 'tool_use',
        tool_name: str(b.name) ?? '',
        tool_id: str(b.id) ?? '',
        input: b.input ?? null,
      };
    case 'tool_result': {
      const { output, images } = resultOf(b.content);
      const block: ContentBlock = { type: 'tool_result', tool_id: str(b.tool_use_id) ?? '', output };
      if (b.is_error === true) block.is_error = true;
      if (images.length) block.images = images;
      return block;
    }
    case 'web_search_tool_result':
      return { type: 'tool_result', tool_id: str(b.tool_use_id) ?? '', output: searchResultsText(b.content) };
    case 'image': {
      const image = imageOf(b);
      return image ? { type: 'image', image_mime: image.mime, image_data: image.data } : null;
    }
    default:
      return null;
  }
}

/** A message's content (a string or blocks) as the app's blocks. */
export function blocksOf(content: unknown): ContentBlock[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  if (!Array.isArray(content)) return [];
  return content.map(blockOf).filter((b): b is ContentBlock => b !== null);
}

// Terminal colour and cursor sequences that local commands print: formatting, never content.
// eslint-disable-next-line no-control-regex -- these escapes are exactly what is removed
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;

const tag = (text: string, name: string): string | undefined => {
  const m = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(text);
  return m ? m[1] : undefined;
};

/** A user message's text read as a command wrapper: what kind it is and the text to show. */
export function commandOf(text: string): { kind: 'command' | 'command_output'; text: string } | null {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('<')) return null;
  const name = tag(trimmed, 'command-name');
  if (name !== undefined) {
    const args = (tag(trimmed, 'command-args') ?? '').trim();
    return { kind: 'command', text: args ? `${name.trim()} ${args}` : name.trim() };
  }
  const bash = tag(trimmed, 'bash-input');
  if (bash !== undefined) return { kind: 'command', text: `! ${bash.trim()}` };
  for (const [out, err] of [
    ['local-command-stdout', 'local-command-stderr'],
    ['bash-stdout', 'bash-stderr'],
  ] as const) {
    const stdout = tag(trimmed, out);
    const stderr = tag(trimmed, err);
    if (stdout !== undefined || stderr !== undefined) {
      const parts = [stdout, stderr].filter((p): p is string => p !== undefined && p.trim() !== '');
      return { kind: 'command_output', text: parts.join('\n').replace(ANSI, '') };
    }
  }
  return null;
}

/** An edit tool's structured result (`toolUseResult.structuredPatch`) as the app's patch. */
export function patchOf(result: unknown): FilePatch | undefined {
  if (!isObj(result) || !Array.isArray(result.structuredPatch)) return undefined;
  const filePath = str(result.filePath);
  if (filePath === undefined) return undefined;
  const hunks: PatchHunk[] = [];
  for (const h of result.structuredPatch) {
    if (!isObj(h) || !Array.isArray(h.lines)) continue;
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
    hunks.push({
      old_start: num(h.oldStart),
      old_lines: num(h.oldLines),
      new_start: num(h.newStart),
      new_lines: num(h.newLines),
      lines: h.lines.filter((l): l is string => typeof l === 'string'),
    });
  }
  return { file_path: filePath, hunks };
}

/** The agent id a Task/Agent tool's result names ("agentId: a1b2c3" in its text, or the
 * structured result's `agentId`), if any. */
export function agentIdOf(result: unknown, output: string): string | undefined {
  if (isObj(result) && typeof result.agentId === 'string') return result.agentId;
  return /\bagent_?[iI]d:\s*([A-Za-z0-9@._-]+)/.exec(output)?.[1];
}
