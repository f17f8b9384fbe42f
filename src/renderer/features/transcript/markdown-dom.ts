// One text block's Markdown -> safe DOM: marked (GFM) for the structure with raw HTML shown as
// text in every tokenizer state, DOMPurify as the safety net, then highlight.js and collapsing
// applied to the code blocks marked produced.
import { Marked, type Tokens } from 'marked';
import { planCollapse } from './collapse';
import { codeBlock } from './code-block';
import { escapeHtml } from './escape-html';
import { sanitizeHtml } from './sanitize';

/** A fenced or indented code block, tagged with a class only the renderer knows. */
interface MarkedCode extends Tokens.Code {
  marker?: string;
}

/** What the renderer noted about one code block while marked ran. */
interface CodeNote {
  key: string;
  language: string;
  fullLines: number;
  collapsed: boolean;
}

const marked = new Marked({
  gfm: true,
  async: false,
  tokenizer: {
    // marked's own tag tokenizer enters a "raw block" state after <pre>, <code>, <kbd> or
    // <script>, in which the text that follows is passed through unescaped (so "<code>a<b</code>"
    // lost "<b" and made the rest bold). Tags here are only ever text, so no state is entered.
    tag(src: string): Tokens.Tag | undefined {
      const cap = this.rules.inline.tag.exec(src);
      if (!cap) return undefined;
      return { type: 'html', raw: cap[0], inLink: false, inRawBlock: false, block: false, text: cap[0] };
    },
    // Inline text is always escaped when rendered, whatever state the lexer is in.
    inlineText(src: string): Tokens.Text | undefined {
      const cap = this.rules.inline.text.exec(src);
      if (!cap) return undefined;
      return { type: 'text', raw: cap[0], text: cap[0], escaped: false };
    },
  },
  renderer: {
    code(token: MarkedCode): string {
      const language = (token.lang ?? '').trim().split(/\s+/)[0] ?? '';
      const classes = [
        language && /^[\w+#.-]{1,40}$/.test(language) ? `language-${language}` : '',
        token.marker ?? '',
      ]
        .filter(Boolean)
        .join(' ');
      return `<pre><code class="${escapeHtml(classes)}">${escapeHtml(token.text)}</code></pre>\n`;
    },
    // Raw HTML in a transcript is something a model or tool wrote, so it is shown as the text it
    // is (a reader wants to see the <script> an agent produced), never parsed as markup.
    html(token: Tokens.HTML | Tokens.Tag): string {
      if (!token.block) return escapeHtml(token.text);
      // A block of raw HTML keeps its lines, as a paragraph of text.
      return `<p>${escapeHtml(token.text.trimEnd()).replace(/\n/g, '<br>\n')}</p>\n`;
    },
  },
});

// Marks our code blocks with an unguessable class, so raw HTML in the content cannot pose as one.
function newNonce(): string {
  return Array.from(crypto.getRandomValues(new Uint32Array(2)), (n) => n.toString(36)).join('');
}

/** Renders `markdown` into `target` (an element of a detached document). Code block i gets the
 * expand key `c${i}`; blocks whose key is in `expanded` are shown whole. */
export function renderMarkdown(markdown: string, target: Element, expanded: ReadonlySet<string>): void {
  const nonce = newNonce();
  const notes: CodeNote[] = [];
  const tokens = marked.lexer(markdown);
  marked.walkTokens(tokens, (token) => {
    if (token.type !== 'code') return;
    const code = token as MarkedCode;
    const key = `c${notes.length}`;
    const plan = planCollapse(code.text);
    const collapsed = plan.collapsed && !expanded.has(key);
    code.marker = `mdcode-${nonce}-${notes.length}`;
    if (collapsed) code.text = plan.preview;
    notes.push({
      key,
      language: (code.lang ?? '').trim().split(/\s+/)[0] ?? '',
      fullLines: plan.lines,
      collapsed,
    });
  });
  const html = marked.parser(tokens);
  const doc = target.ownerDocument;
  target.append(sanitizeHtml(html, doc));

  notes.forEach((note, index) => {
    const code = target.querySelector(`code.mdcode-${nonce}-${index}`);
    const pre = code?.parentElement;
    if (!code || pre?.tagName !== 'PRE') return;
    pre.replaceWith(
      codeBlock(doc, code.textContent ?? '', {
        language: note.language,
        expandKey: note.key,
        collapsedLines: note.collapsed ? note.fullLines : null,
      }),
    );
  });
}
