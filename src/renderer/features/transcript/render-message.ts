// One message's export Markdown -> the safe HTML of its body: text blocks through marked and the
// sanitizer, tool calls and results as their own boxes, long parts collapsed. Everything here is
// built as DOM nodes in a detached document and serialized once, so no string concatenation of
// content ever becomes markup.
import { planCollapse, showAllLabel } from './collapse';
import { codeBlock } from './code-block';
import { renderMarkdown } from './markdown';
import { segmentMessage, type MessageBlock } from './segment-message';

/** Text blocks longer than this (UTF-16 units) render only their start until expanded. */
export const TEXT_RENDER_CAP = 64 * 1024;
/** Expanded text beyond this size is shown as plain text: marked would stall the page on it. */
export const MARKDOWN_MAX = 1024 * 1024;

let detached: Document | null = null;

// A document with no window: nothing built in it loads or runs.
function scratchDocument(): Document {
  detached ??= document.implementation.createHTMLDocument('');
  return detached;
}

/** Where to cut an over-long text block: a paragraph or line break in the second half of the cap. */
function textCut(markdown: string): number {
  for (const separator of ['\n\n', '\n']) {
    const at = markdown.lastIndexOf(separator, TEXT_RENDER_CAP);
    if (at > TEXT_RENDER_CAP / 2) return at;
  }
  const code = markdown.charCodeAt(TEXT_RENDER_CAP - 1);
  return code >= 0xd800 && code <= 0xdbff ? TEXT_RENDER_CAP - 1 : TEXT_RENDER_CAP;
}

function showAllButton(doc: Document, key: string, lines: number): Element {
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'show-all';
  button.setAttribute('data-testid', 'show-all');
  button.setAttribute('data-expand', key);
  button.setAttribute('data-find-skip', '');
  button.textContent = showAllLabel(lines);
  return button;
}

function textBlock(doc: Document, markdown: string, key: string, expanded: ReadonlySet<string>): Element {
  const block = doc.createElement('div');
  block.className = 'md';
  if (markdown.length <= TEXT_RENDER_CAP) {
    renderMarkdown(markdown, block, key, expanded);
  } else if (!expanded.has(key)) {
    renderMarkdown(markdown.slice(0, textCut(markdown)), block, key, expanded);
    block.classList.add('truncated');
    block.append(showAllButton(doc, key, planCollapse(markdown).lines));
  } else if (markdown.length <= MARKDOWN_MAX) {
    renderMarkdown(markdown, block, key, expanded);
  } else {
    const pre = doc.createElement('pre');
    pre.className = 'plain-text';
    pre.textContent = markdown;
    block.append(pre);
  }
  return block;
}

function toolHead(doc: Document, kind: string): Element {
  const head = doc.createElement('div');
  head.className = 'tool-head';
  const label = doc.createElement('span');
  label.className = 'tool-kind';
  label.setAttribute('data-find-skip', '');
  label.textContent = kind;
  head.append(label);
  return head;
}

function collapsible(
  doc: Document,
  text: string,
  key: string,
  expanded: ReadonlySet<string>,
  language: string,
) {
  const plan = planCollapse(text);
  const collapsed = plan.collapsed && !expanded.has(key);
  return codeBlock(doc, collapsed ? plan.preview : text, {
    language,
    expandKey: key,
    collapsedLines: collapsed ? plan.lines : null,
  });
}

function toolCallBlock(
  doc: Document,
  block: MessageBlock & { kind: 'tool_call' },
  key: string,
  expanded: ReadonlySet<string>,
) {
  const box = doc.createElement('div');
  box.className = 'tool tool-call';
  box.setAttribute('data-testid', 'tool-call');
  const head = toolHead(doc, 'Tool call');
  const name = doc.createElement('code');
  name.className = 'tool-name';
  name.textContent = block.name;
  head.append(name);
  box.append(head);
  if (block.input !== null) box.append(collapsible(doc, block.input, key, expanded, 'json'));
  return box;
}

function toolResultBlock(
  doc: Document,
  block: MessageBlock & { kind: 'tool_result' },
  key: string,
  expanded: ReadonlySet<string>,
) {
  const box = doc.createElement('div');
  box.className = block.isError ? 'tool tool-result is-error' : 'tool tool-result';
  box.setAttribute('data-testid', 'tool-result');
  box.setAttribute('data-error', String(block.isError));
  const head = toolHead(doc, block.isError ? 'Tool result · error' : 'Tool result');
  box.append(head);
  if (block.output === '') {
    const empty = doc.createElement('div');
    empty.className = 'tool-empty';
    empty.setAttribute('data-find-skip', '');
    empty.textContent = 'No output';
    box.append(empty);
  } else {
    box.append(collapsible(doc, block.output, key, expanded, ''));
  }
  return box;
}

/** The safe HTML of a message's body. Parts whose expand key ("b<block>" or "b<block>c<code>")
 * is in `expanded` are shown whole; the others collapse when long. */
export function renderMessageBody(markdown: string, expanded: ReadonlySet<string> = new Set()): string {
  const doc = scratchDocument();
  const container = doc.createElement('div');
  segmentMessage(markdown).blocks.forEach((block, index) => {
    const key = `b${index}`;
    switch (block.kind) {
      case 'text':
        container.append(textBlock(doc, block.markdown, key, expanded));
        break;
      case 'tool_call':
        container.append(toolCallBlock(doc, block, key, expanded));
        break;
      case 'tool_result':
        container.append(toolResultBlock(doc, block, key, expanded));
        break;
    }
  });
  return container.innerHTML;
}
