// The file name of an exported session, the same in every process: Electron's Save As and
// drag-out, the server's Content-Disposition, and the browser's download and DownloadURL. Titles
// are hostile input: a name must never reach another folder, a device, a hidden file, hide what
// it says, or break Chromium's "mime:name:url" DownloadURL. No Node Buffer: the renderer runs it.

/** Longest base name in UTF-8 bytes: well under the 255-byte limit of common file systems. */
export const MAX_BASE_BYTES = 120;

/** Names Windows reserves for devices (the digit may be a superscript), whatever follows the first
 * dot; Windows also ignores spaces before that dot. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³]) *(\..*)?$/iu;

/** Characters that change how a name reads without being seen: format characters (bidi
 * embeddings, overrides, isolates and marks, zero-width spaces and joiners, BOM, tags) and the
 * blank fillers (Hangul, Khmer, Mongolian) that render as nothing. */
// eslint-disable-next-line no-misleading-character-class -- each is removed on its own, marks included
const INVISIBLE = /[\p{Cf}\u115f\u1160\u17b4\u17b5\u180e\u3164\uffa0]/gu;

/** Path separators, what Windows forbids (including ':', DownloadURL's separator), C0 and C1
 * controls, and lone surrogates (no file system spells them the same). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this replaces
const UNSAFE = /[/\\<>:"|?*\u0000-\u001f\u007f-\u009f\p{Cs}]/gu;

/** Splits text into user-perceived characters, so a cut never separates an accent or an emoji.
 * Made on first use: building it loads ICU's break rules, which a CLI start should not pay for. */
let graphemes: Intl.Segmenter | undefined;

/** File extensions a name may end in: the export formats and zip. */
export type ExportExtension = 'md' | 'html' | 'json' | 'zip';

/** "<sanitized title>.<extension>", or "session-<id>.<extension>" when nothing usable or only a
 * device name is left. */
export function exportFileName(title: string, id: string, extension: ExportExtension = 'md'): string {
  const cleaned = title
    .replace(INVISIBLE, '')
    // After the removal, which can leave a letter and its accent side by side.
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .replace(UNSAFE, '_')
    // Leading dots hide the file, and "../" leaves dots and underscores behind.
    .replace(/^[. _]+/u, '');
  // Windows drops trailing dots and spaces, which would change the name under us.
  const base = truncateUtf8(cleaned, MAX_BASE_BYTES).replace(/[. ]+$/u, '');
  if (base === '' || WINDOWS_RESERVED.test(base)) return `session-${id}.${extension}`;
  return `${base}.${extension}`;
}

/** The longest prefix of `text` of at most `maxBytes` UTF-8 bytes ending on a grapheme boundary;
 * on a code point boundary when even the first grapheme is longer (a pile of combining marks). */
export function truncateUtf8(text: string, maxBytes: number): string {
  let bytes = 0;
  let out = '';
  for (const { segment } of (graphemes ??= new Intl.Segmenter(undefined, {
    granularity: 'grapheme',
  })).segment(text)) {
    const size = utf8Length(segment);
    if (bytes + size > maxBytes) return out === '' ? truncateCodePoints(segment, maxBytes) : out;
    bytes += size;
    out += segment;
  }
  return out;
}

function truncateCodePoints(text: string, maxBytes: number): string {
  let bytes = 0;
  let out = '';
  for (const char of text) {
    bytes += utf8Length(char);
    if (bytes > maxBytes) break;
    out += char;
  }
  return out;
}

/** UTF-8 length of `text`, counted by code point (a lone surrogate counts as its 3-byte U+FFFD). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
