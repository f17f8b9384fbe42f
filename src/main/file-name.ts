// File names for exported sessions. Titles are written by whoever produced the session file, so a
// title is hostile input: it must never name another folder, a device or a hidden file.

/** Longest base name in UTF-8 bytes: well under the 255-byte limit of common file systems. */
const MAX_BASE_BYTES = 120;

/** Names Windows reserves for devices, with or without an extension. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** Path separators, characters Windows forbids, and C0/C1 control characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
const UNSAFE = /[/\\<>:"|?*\u0000-\u001f\u007f-\u009f]/g;

/** Bidirectional overrides and zero-width characters that make a name read differently than it is. */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** "<sanitized title>.md", or "session-<id>.md" when nothing usable is left of the title. */
export function markdownFileName(title: string, id: string): string {
  const base = truncateUtf8(
    title.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').replace(UNSAFE, '_'),
    MAX_BASE_BYTES,
  )
    // Leading dots hide the file, and "../" leaves dots and underscores behind; Windows drops
    // trailing dots and spaces, which would change the name under us.
    .replace(/^[.\s_]+/, '')
    .replace(/[.\s]+$/, '');
  if (base === '' || WINDOWS_RESERVED.test(base)) return `session-${id}.md`;
  return `${base}.md`;
}

/** Cuts `text` to at most `maxBytes` of UTF-8 without splitting a character. */
function truncateUtf8(text: string, maxBytes: number): string {
  let bytes = 0;
  let out = '';
  for (const char of text) {
    bytes += Buffer.byteLength(char, 'utf8');
    if (bytes > maxBytes) break;
    out += char;
  }
  return out;
}
