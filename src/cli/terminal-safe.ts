// Transcripts are hostile input: printed raw, an escape sequence in one could write the clipboard
// (OSC 52), retitle the window (OSC 0), clear or overwrite lines (CSI 2J, cursor moves), hide text
// (SGR 8), or a bidi override could reorder what a line shows. For a terminal such characters are
// written as visible escapes instead; pipes and files still get the exact bytes.

/**
 * What a terminal acts on rather than shows: C0 controls except tab and newline, DEL, C1
 * controls (U+0080-U+009F, which some terminals take as 8-bit CSI/OSC), and the bidi marks,
 * embeddings, overrides and isolates. Every one is a single UTF-16 code unit, so escaping needs
 * no state and a text split anywhere escapes to the same pieces: chunks can be escaped as they
 * are streamed.
 */
const TERMINAL_UNSAFE =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

// The same characters plus tab and newline, which end a one-line cell.
// eslint-disable-next-line no-control-regex -- as above
const ONE_LINE_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Characters a JSON string may hold raw that a terminal would act on (JSON.stringify already
 * escapes C0). */
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `\x1b` for a character below U+0100, `\u202e` above. */
function visibleEscape(ch: string): string {
  const code = ch.charCodeAt(0);
  return code < 0x100
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` with every character a terminal would act on written as a visible escape (`\x1b`,
 * `\x9b`, `\u202e`); newlines and tabs stay. Safe to apply chunk by chunk. */
export function escapeForTerminal(text: string): string {
  return text.replace(TERMINAL_UNSAFE, visibleEscape);
}

/** Like escapeForTerminal, but line breaks and tabs become spaces: for one table cell. */
export function escapeForOneLine(text: string): string {
  return text.replace(/[\t\n\r\v\f\u2028\u2029]/g, ' ').replace(ONE_LINE_UNSAFE, visibleEscape);
}

/** JSON text with DEL, C1 and bidi characters as `\u` escapes: the same JSON value, but nothing
 * left in it for a terminal to act on. */
export function terminalSafeJson(json: string): string {
  return json.replace(JSON_UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
