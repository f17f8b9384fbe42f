// The file name a dragged or downloaded export gets in browser mode. Titles are hostile input, and
// Chromium's DownloadURL uses ':' as its field separator, so the name must not contain one.

// Path separators, characters file systems reject, control characters, bidi and zero-width tricks.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
const UNSAFE = /[/\\<>:"|?*\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Longest base name in characters, short enough for every common file system. */
const MAX_BASE_CHARS = 100;

/** "<sanitized title>.md", or "session-<id>.md" when nothing usable is left of the title. */
export function exportFileName(title: string, id: string): string {
  const base = Array.from(title.normalize('NFC').replace(UNSAFE, '_').replace(/\s+/g, ' '))
    .slice(0, MAX_BASE_CHARS)
    .join('')
    // Leading dots hide the file; trailing dots and spaces are dropped by Windows.
    .replace(/^[.\s_]+/, '')
    .replace(/[.\s]+$/, '');
  return base === '' ? `session-${id}.md` : `${base}.md`;
}
