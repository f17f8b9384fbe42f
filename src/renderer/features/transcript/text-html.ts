// A text (or reasoning) block's Markdown -> the safe HTML of its body, built as DOM nodes in a
// detached document and serialized once: marked and the sanitizer for the structure, long code
// blocks collapsed, a huge text cut to its start until expanded.
import { planCollapse, showAllLabel } from './collapse';
import { cacheHtml, cachedHtml } from './html-cache';
import { renderMarkdown } from './markdown-dom';

/** Text longer than this (UTF-16 units) renders only its start until expanded. */
export const TEXT_RENDER_CAP = 64 * 1024;
/** Expanded text beyond this size is shown as plain text: marked would stall the page on it. */
export const MARKDOWN_MAX = 1024 * 1024;
/** The expand key of a cut text ("show all of it"); code blocks have c0, c1, ... */
export const WHOLE_TEXT = 'all';

let detached: Document | null = null;

// A document with no window: nothing built in it loads or runs.
function scratchDocument(): Document {
  detached ??= document.implementation.createHTMLDocument('');
  return detached;
}

/** Where to cut an over-long text: a paragraph or line break in the second half of the cap. */
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
  button.className = 'pill-button show-all';
  button.setAttribute('data-testid', 'show-all');
  button.setAttribute('data-expand', key);
  button.setAttribute('data-find-skip', '');
  button.textContent = showAllLabel(lines);
  return button;
}

function build(markdown: string, expanded: ReadonlySet<string>): string {
  const doc = scratchDocument();
  const block = doc.createElement('div');
  if (markdown.length <= TEXT_RENDER_CAP) {
    renderMarkdown(markdown, block, expanded);
  } else if (!expanded.has(WHOLE_TEXT)) {
    renderMarkdown(markdown.slice(0, textCut(markdown)), block, expanded);
    block.append(showAllButton(doc, WHOLE_TEXT, planCollapse(markdown).lines));
  } else if (markdown.length <= MARKDOWN_MAX) {
    renderMarkdown(markdown, block, expanded);
  } else {
    const pre = doc.createElement('pre');
    pre.className = 'plain-text';
    pre.textContent = markdown;
    block.append(pre);
  }
  return block.innerHTML;
}

/** The safe HTML of `markdown`. Parts whose expand key is in `expanded` show whole; renderings
 * with nothing expanded are kept in the HTML cache. */
export function renderTextHtml(markdown: string, expanded: ReadonlySet<string> = new Set()): string {
  if (expanded.size > 0) return build(markdown, expanded);
  const cached = cachedHtml(markdown);
  if (cached !== undefined) return cached;
  const html = build(markdown, expanded);
  cacheHtml(markdown, html);
  return html;
}
