// The one allow-list of what Markdown may become as HTML, for both sanitizers: DOMPurify in the
// viewer (renderer/features/transcript/sanitize.ts) and sanitize-html in the HTML export
// (core/export/html-markdown.ts). Each adds only what its own output needs; attributes, links and
// images are each sanitizer's own, since the viewer and a file opened elsewhere differ there.

/** Formatting tags every rendering of a transcript's Markdown keeps. */
export const SAFE_TAGS = [
  'a',
  'b',
  'blockquote',
  'br',
  'code',
  'del',
  'em',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'li',
  'ol',
  'p',
  'pre',
  's',
  'span',
  'strong',
  'sub',
  'sup',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul',
] as const;

/** Tags only the viewer keeps: folding, keys and abbreviations, and `img`, kept only to be replaced
 * by a placeholder (its address is never loaded). */
export const VIEWER_TAGS = ['abbr', 'details', 'div', 'img', 'kbd', 'summary', 'tfoot'] as const;

/** Tags only the export keeps: GFM task-list check boxes (marked writes them disabled). */
export const EXPORT_TAGS = ['input'] as const;
