// Rendered message HTML kept across sessions, so reopening a session (or reloading one that
// grew) redraws its messages at once. Bounded by total size; the oldest entries go first.

/** Total characters of HTML kept. */
const BUDGET_CHARS = 48 * 1024 * 1024;

const entries = new Map<string, string>();
let size = 0;

/** The HTML rendered earlier for this message Markdown, if still kept. */
export function cachedHtml(markdown: string): string | undefined {
  return entries.get(markdown);
}

/** Keeps `html` as the rendering of `markdown`. */
export function cacheHtml(markdown: string, html: string): void {
  if (entries.has(markdown) || html.length > BUDGET_CHARS) return;
  entries.set(markdown, html);
  size += html.length;
  for (const [key, value] of entries) {
    if (size <= BUDGET_CHARS) break;
    entries.delete(key);
    size -= value.length;
  }
}
