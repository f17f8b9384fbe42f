// The one way code and tool output are drawn: a <pre><code>, highlighted when the language is
// known, and - when collapsed - followed by the "Show all (N lines)" button.
import { showAllLabel } from './collapse';
import { highlightCode } from './syntax-highlight';

/** How to draw one block of code. */
export interface CodeBlockOptions {
  /** Language name or alias for highlighting; '' for plain text. */
  language: string;
  /** The key the show-all button carries, naming this block to expand. */
  expandKey: string;
  /** Full line count when `text` is only the collapsed preview; null when it is the whole text. */
  collapsedLines: number | null;
}

/** Builds the block in `doc`; `text` is set as text or as highlight.js's escaped HTML, never raw. */
export function codeBlock(doc: Document, text: string, options: CodeBlockOptions): Element {
  const wrapper = doc.createElement('div');
  wrapper.className = 'code-block';
  const pre = doc.createElement('pre');
  const code = doc.createElement('code');
  const highlighted = highlightCode(text, options.language);
  if (highlighted === null) {
    code.textContent = text;
  } else {
    code.className = 'hljs';
    code.innerHTML = highlighted;
  }
  pre.append(code);
  wrapper.append(pre);
  if (options.collapsedLines !== null) {
    wrapper.classList.add('collapsed');
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'pill-button show-all';
    button.setAttribute('data-testid', 'show-all');
    button.setAttribute('data-expand', options.expandKey);
    button.setAttribute('data-find-skip', '');
    button.textContent = showAllLabel(options.collapsedLines);
    wrapper.append(button);
  }
  return wrapper;
}
