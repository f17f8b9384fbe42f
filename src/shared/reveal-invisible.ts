// Names from transcripts (titles, models, tool names, paths) are hostile input: a bidi override
// can make "Normal \u202Egnp.exe" read "Normal exe.png", and zero-width characters hide text.
// Shown as names, such characters are replaced by a visible token naming their code point.

/**
 * Bidi embeddings, overrides and isolates, directional marks, zero-width characters, C0/C1
 * controls (tab and newline included: a name is one line) and other invisible formatters. The
 * zero-width (non-)joiner is left inside non-ASCII text, where emoji and Persian or Indic words
 * need it, and shown beside ASCII, where it only hides a break ("pay\u200dpal").
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex, no-misleading-character-class -- these are the characters it finds, one at a time
  /[\u0000-\u001f\u007f-\u009f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb]|(?<![^\u0000-\u007f])[\u200c\u200d]|[\u200c\u200d](?![^\u0000-\u007f])/gu;

/** Whether `text` holds a character that `revealInvisible` would replace. */
export function hasInvisible(text: string): boolean {
  INVISIBLE.lastIndex = 0;
  return INVISIBLE.test(text);
}

/** One run of a name: text as written, or one invisible character shown as its token. */
export interface RevealedPart {
  text: string;
  /** True for a token standing for an invisible character (so it can be styled apart from text). */
  token: boolean;
}

/** The visible token for `ch`: `⟨U+XXXX⟩`. */
function tokenFor(ch: string): string {
  return `⟨U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`;
}

/** `text` with every invisible or direction-changing character shown as `⟨U+XXXX⟩`. */
export function revealInvisible(text: string): string {
  return text.replace(INVISIBLE, tokenFor);
}

/** `text` cut into runs of plain text and tokens; joined, their text is `revealInvisible(text)`. */
export function revealedParts(text: string): RevealedPart[] {
  const parts: RevealedPart[] = [];
  let at = 0;
  for (const match of text.matchAll(INVISIBLE)) {
    if (match.index > at) parts.push({ text: text.slice(at, match.index), token: false });
    parts.push({ text: tokenFor(match[0]), token: true });
    at = match.index + match[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), token: false });
  return parts;
}
