// One text block's Markdown -> safe HTML for the export file: marked (GFM) with raw HTML shown as
// text, code highlighted by highlight.js, remote images never loaded (a placeholder names them),
// links kept only to http(s) and mailto; sanitize-html's allow-list is the safety net for what
// marked itself writes, since the file is opened by whoever receives it.
import hljs from 'highlight.js/lib/common';
import { Marked, type Tokens } from 'marked';
import sanitize from 'sanitize-html';
import { EXPORT_TAGS, SAFE_TAGS } from '../../shared/safe-html';
import { escapeHtml } from './escape-html';

/** Code larger than this is shown plain: highlighting it would take too long for little gain. */
const HIGHLIGHT_MAX_CHARS = 100_000;

/** Highlighted HTML for `code` in `language`, escaped plain text when the language is unknown. */
export function highlightedCode(code: string, language: string): string {
  if (language === '' || code.length > HIGHLIGHT_MAX_CHARS || !hljs.getLanguage(language))
    return escapeHtml(code);
  return hljs.highlight(code, { language, ignoreIllegals: true }).value;
}

const SAFE_LINK = /^(?:https?:|mailto:)/i;

const marked = new Marked({
  gfm: true,
  async: false,
  renderer: {
    code(token: Tokens.Code): string {
      const language = (token.lang ?? '').trim().split(/\s+/)[0] ?? '';
      const known = /^[\w+#.-]{1,40}$/.test(language) && hljs.getLanguage(language) !== undefined;
      const cls = known ? ` class="hljs language-${escapeHtml(language)}"` : '';
      return `<pre><code${cls}>${highlightedCode(token.text, known ? language : '')}</code></pre>\n`;
    },
    // Raw HTML a model or tool wrote is shown as the text it is, never parsed as markup.
    html(token: Tokens.HTML | Tokens.Tag): string {
      return escapeHtml(token.text);
    },
    link(token: Tokens.Link): string {
      const text = this.parser.parseInline(token.tokens);
      if (!SAFE_LINK.test(token.href.trim())) return text;
      return `<a href="${escapeHtml(token.href.trim())}" rel="noopener noreferrer nofollow">${text}</a>`;
    },
    // Opening the file must not fetch anything: an image is named, not shown.
    image(token: Tokens.Image): string {
      return `<span class="remote-image">[image: ${escapeHtml(token.text || 'untitled')} ${escapeHtml(token.href)}]</span>`;
    },
  },
});

const SANITIZE: sanitize.IOptions = {
  allowedTags: [...SAFE_TAGS, ...EXPORT_TAGS],
  allowedAttributes: {
    a: ['href', 'rel'],
    code: ['class'],
    span: ['class'],
    ol: ['start'],
    th: ['align'],
    td: ['align'],
    input: ['type', 'checked', 'disabled'],
  },
  allowedClasses: { code: ['hljs', 'language-*'], span: ['hljs-*', 'remote-image', 'language_'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
};

/** `markdown` as sanitized HTML. */
export function markdownHtml(markdown: string): string {
  return sanitize(marked.parse(markdown) as string, SANITIZE);
}
